package cn.shoudi.security;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface Accounts extends ListCrudRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByRole(Role role);
}
