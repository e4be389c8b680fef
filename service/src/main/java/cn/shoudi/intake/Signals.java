package cn.shoudi.intake;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface Signals extends ListCrudRepository<Signal, Long> {

    Optional<Signal> findBySourceAndEventId(String source, String eventId);


    List<Signal> findByStatusOrderById(String status);
}
