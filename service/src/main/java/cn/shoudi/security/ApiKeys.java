package cn.shoudi.security;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ApiKeys extends ListCrudRepository<ApiKey, Long> {

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByAccountIdOrderById(long accountId);

    @Modifying
    @Query("UPDATE security_api_key SET last_used_at = :at WHERE id = :id")
    void markUsed(long id, Instant at);
}
