package org.branchlink.catalog;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A search SolrCloud cannot answer is the index being unavailable (the gateway answers 503, "try again shortly"), not
 * an unexplained 500: SolrJ throws an unchecked {@link SolrException} when no replica of the collection is healthy
 * (code 510) or a node fails (5xx). The cluster is the external boundary here: a client that answers as SolrJ does.
 */
class SearchUnavailableTests {

	@Test
	void noHealthyReplicaIsTheIndexUnavailable() {
		CatalogSearch search = new CatalogSearch(answering(new SolrException(SolrException.ErrorCode.INVALID_STATE,
				"Could not find a healthy node to handle the request.")), null);
		assertThatThrownBy(() -> search.work("w1")).isInstanceOf(CatalogIndexException.class)
			.hasMessageContaining("healthy node");
		assertThatThrownBy(search::countWorks).isInstanceOf(CatalogIndexException.class);
	}

	@Test
	void aFailingNodeIsTheIndexUnavailable() {
		CatalogSearch search = new CatalogSearch(answering(new SolrException(SolrException.ErrorCode.SERVER_ERROR,
				"no servers hosting shard")), null);
		assertThatThrownBy(() -> search.work("w1")).isInstanceOf(CatalogIndexException.class);
	}

	@Test
	void aRefusedRequestStaysTheCodesFault() {
		SolrException refused = new SolrException(SolrException.ErrorCode.BAD_REQUEST, "undefined field");
		assertThat(CatalogIndexException.of("search failed", refused)).isSameAs(refused);
		CatalogSearch search = new CatalogSearch(answering(refused), null);
		assertThatThrownBy(() -> search.work("w1")).isSameAs(refused);
	}

	private static SolrClient answering(SolrException failure) {
		return new SolrClient() {

			@Override
			public NamedList<Object> request(SolrRequest<?> request, String collection) {
				throw failure;
			}

			@Override
			public void close() {
			}

		};
	}

}
