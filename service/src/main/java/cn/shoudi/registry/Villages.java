package cn.shoudi.registry;

import org.springframework.data.repository.ListCrudRepository;

interface Villages extends ListCrudRepository<Village, Long> {
}
