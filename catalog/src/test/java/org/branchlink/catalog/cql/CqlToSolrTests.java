package org.branchlink.catalog.cql;

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CQL parser and its translation, without Solr: the tree, the parameters terms go into, the refusals. */
class CqlToSolrTests {

	@Test
	void termsGoIntoParametersOfTheirOwnAndNeverIntoTheQuery() {
		SolrQuery query = CqlToSolr.translate("dc.title=\"x\\\" OR *:*\" and dc.creator any \"a) OR (b\"");

		assertThat(query.getQuery()).isEqualTo("{!bool must=$sru.c2 must=$sru.c4}");
		assertThat(query.get("sru.c2")).isEqualTo("{!edismax qf='title^8 title_cjk^4 title_en^4 title_alt^3' "
				+ "mm=$work_mm v=$sru.t1}");
		assertThat(query.get("sru.t1")).isEqualTo("x\\\" or *\\:*");
		assertThat(query.get("sru.t3")).isEqualTo("a\\) or \\(b");
		assertThat(query.getFilterQueries()).containsExactly("doc_type:work");
	}

	@Test
	void keywordsAndIndexesAreCaseInsensitive() {
		SolrQuery query = CqlToSolr.translate("dc.creator=甲 AND DC.DATE < 2008");

		assertThat(query.getQuery()).isEqualTo("{!bool must=$sru.c2 must=$sru.c3}");
		assertThat(query.get("sru.c3")).isEqualTo("year:[* TO 2008}");
	}

	@Test
	void aBareTermIsTheSearchPagesQuery() {
		SolrQuery query = CqlToSolr.translate("\"guoshi dagang\"");

		assertThat(query.getQuery()).isEqualTo("{!bool should=$sru.c2 should=$sru.c4 should=$sru.c6}");
		assertThat(query.get("sru.c2")).isEqualTo("{!edismax qf=$work_qf pf=$work_pf mm=$work_mm v=$sru.t1}");
		assertThat(query.get("sru.t3")).isEqualTo("guo shi da gang");
		assertThat(query.get("sru.t5")).isEqualTo("guoshidagang");
	}

	@Test
	void prefixAssignmentsResolveIndexes() {
		SolrQuery query = CqlToSolr.translate(">x=\"info:srw/cql-context-set/1/dc-v1.1\" x.date=2001");

		assertThat(query.getQuery()).isEqualTo("year:2001");
	}

	@Test
	void refusalsCarryTheirDiagnostics() {
		assertRefused("dc.title=(", Diagnostic.QUERY_SYNTAX);
		assertRefused("(dc.title=a", Diagnostic.QUERY_SYNTAX);
		assertRefused("dc.title=a)", Diagnostic.QUERY_SYNTAX);
		assertRefused("dc.title=\"a", Diagnostic.QUERY_SYNTAX);
		assertRefused("a b", Diagnostic.QUERY_SYNTAX);
		assertRefused("dc.foo=a", Diagnostic.UNSUPPORTED_INDEX);
		assertRefused("dc.title<a", Diagnostic.UNSUPPORTED_RELATION);
		assertRefused("dc.title within a", Diagnostic.UNSUPPORTED_RELATION);
		assertRefused("dc.title =/stem a", Diagnostic.UNSUPPORTED_RELATION_MODIFIER);
		assertRefused("a prox b", Diagnostic.UNSUPPORTED_BOOLEAN);
		assertRefused("a and/foo b", Diagnostic.UNSUPPORTED_BOOLEAN_MODIFIER);
		assertRefused("dc.date=abc", Diagnostic.INVALID_TERM);
		assertRefused("dc.title=\"\"", Diagnostic.EMPTY_TERM);
		assertRefused(">x=\"info:unknown\" x.title=a", Diagnostic.UNSUPPORTED_CONTEXT_SET);
		assertRefused("a sortBy dc.creator", Diagnostic.SORT_UNSUPPORTED);
		assertRefused("a sortBy dc.date/sort.missingLow", Diagnostic.SORT_DIRECTION);
	}

	private static void assertRefused(String cql, Diagnostic diagnostic) {
		assertThatThrownBy(() -> CqlToSolr.translate(cql)).as(cql)
			.isInstanceOfSatisfying(CqlRefusal.class, refusal -> assertThat(refusal.diagnostic()).isEqualTo(diagnostic));
	}

}
