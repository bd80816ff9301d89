package org.branchlink.sync.route;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the sync routes share. */
@Configuration(proxyBeanMethods = false)
class SyncRouteConfiguration {

	/** Durable idempotency for files and harvested pages, in PostgreSQL (table created by Flyway). */
	@Bean
	JdbcMessageIdRepository syncIdempotency(DataSource dataSource) {
		JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "sync");
		repository.setCreateTableIfNotExists(false);
		return repository;
	}

}
