package cn.shoudi.assessment;

import cn.shoudi.intake.SignalsRecorded;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluates the households of a department batch once each, a page per {@link SignalsRecorded} event, with the page
 * machinery of the full re-evaluation (set reads, evaluation on all cores, one write transaction, one
 * {@link AssessmentsRecorded} so that monitoring reconciles the page together). A household whose latest assessment
 * changed while its page was evaluated (a concurrent single evaluation, another batch) is evaluated again, so the
 * latest assessment always includes the batch's signals.
 */
@Component
class BatchEvaluation {

    private static final Logger log = LoggerFactory.getLogger(BatchEvaluation.class);
    private static final int ATTEMPTS = 3;

    private final AssessmentService assessments;
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "batch-evaluation-worker");
                t.setDaemon(true);
                return t;
            });

    BatchEvaluation(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Async
    @TransactionalEventListener
    void on(SignalsRecorded event) throws InterruptedException {
        List<Long> households = event.householdIds();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AssessmentService.EvaluatedPage page = assessments.evaluatePage(households, workers);
            AssessmentService.PageResult written = assessments.writePage(page);
            if (written.changed() == page.records().size()) {
                log.info("batch {}: {} households evaluated, {} new assessments, {} failed", event.batchId(),
                        households.size(), written.changed(), written.failed());
                return;
            }
        }
        log.warn("batch {}: some of {} households changed under every one of {} attempts; their own change "
                + "evaluates them", event.batchId(), households.size(), ATTEMPTS);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
