package cn.shoudi.bench;

import cn.shoudi.rules.cases.ExampleCase;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/** JMH thread state: each thread walks through the example households on its own, round and round. */
@State(Scope.Thread)
public class ExampleCursor {

    private int next;

    public ExampleCase take(List<ExampleCase> households) {
        ExampleCase ex = households.get(next);
        next = (next + 1) % households.size();
        return ex;
    }
}
