package org.branchlink.gateway.sru;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * searchRetrieve per index and relation, with booleans, parentheses and sortBy, and the search page's folding:
 * traditional and simplified characters, pinyin, accents.
 */
class SruSearchTests extends SruTest {

	@Test
	void eachIndexFindsItsWork() throws Exception {
		assertThat(search("dc.title=" + SHIJI).titles()).first().isEqualTo(SHIJI);
		assertThat(search("dc.creator=" + AUTHOR).titles()).containsExactlyInAnyOrder(TRADITIONAL, SIMPLIFIED);
		assertThat(search("dc.subject=" + SUBJECT).titles()).containsExactly(SHIJI);
		assertThat(search("dc.publisher=重庆出版社 and dc.title=" + UNIMARC).titles()).containsExactly(UNIMARC);
		assertThat(search("dc.date=1859 and dc.creator=hugo").titles()).containsExactly(LEGENDE);
		assertThat(search("bath.isbn=978-7-9999-0001-6").titles()).containsExactly(SHIJI);
		assertThat(search("bath.isbn=799990001X").titles()).containsExactly(SHIJI);
		assertThat(search("rec.id=" + work("longhu", "sru-a1")).titles()).containsExactly(SHIJI);
		assertThat(search("cql.anywhere=" + SUBJECT).titles()).containsExactly(SHIJI);
		assertThat(search(SHIJI).titles()).first().isEqualTo(SHIJI);
		assertThat(search("title=" + SHIJI).titles()).first().isEqualTo(SHIJI);
	}

	@Test
	void relationsSearchWordsPhrasesAndWholeValues() throws Exception {
		assertThat(search("dc.title all \"黄河 史话\"").titles()).contains(PINYIN);
		assertThat(search("dc.title any \"" + UNIMARC + " " + PINYIN + "\"").titles()).contains(UNIMARC, PINYIN);
		assertThat(search("dc.title adj \"选读新编\"").titles()).containsExactly(SHIJI);
		assertThat(search("dc.title adj \"新编选读\"").numberOfRecords()).isZero();
		assertThat(search("dc.title==" + SHIJI).titles()).containsExactly(SHIJI);
		assertThat(search("dc.title exact \"史记选读\"").numberOfRecords()).isZero();
		assertThat(search("dc.creator exact " + AUTHOR).numberOfRecords()).isEqualTo(2);
		assertThat(search("dc.creator==欧阳").numberOfRecords()).isZero();
		// other test classes' real records (a shared application) may hold other légendes: only ours is checked
		assertThat(search("dc.date<1860 and dc.title=legende").titles()).contains(LEGENDE);
		assertThat(search("dc.date<=1859 and dc.title=legende").titles()).contains(LEGENDE);
		assertThat(search("dc.date>1859 and dc.title=legende").titles()).doesNotContain(LEGENDE);
		assertThat(search("dc.date>=2010 and dc.creator=" + AUTHOR).titles()).containsExactly(SIMPLIFIED);
		assertThat(search("dc.date any \"1859 1999\" and (dc.title=legende or dc.subject=" + SUBJECT + ")").titles())
			.containsExactlyInAnyOrder(LEGENDE, SHIJI);
	}

	@Test
	void booleansAndParenthesesCombineClauses() throws Exception {
		assertThat(search("dc.creator=" + AUTHOR + " and dc.date<2008").titles()).containsExactly(TRADITIONAL);
		assertThat(search("dc.creator=" + AUTHOR + " not dc.title=手记").titles()).containsExactly(TRADITIONAL);
		assertThat(search("dc.title=" + SHIJI + " or dc.title=" + UNIMARC).titles()).contains(SHIJI, UNIMARC);
		assertThat(search("(dc.title=" + SHIJI + " or dc.title=" + UNIMARC + ") and dc.date>=2000").titles())
			.containsExactly(UNIMARC);
		assertThat(search("dc.title=" + SHIJI + " or (dc.title=" + UNIMARC + " and dc.date<2000)").titles())
			.contains(SHIJI)
			.doesNotContain(UNIMARC);
		assertThat(search("dc.creator=" + AUTHOR + " AND DC.DATE < 2008").titles()).containsExactly(TRADITIONAL);
	}

	@Test
	void sortByOrdersByYearOrTitle() throws Exception {
		assertThat(search("dc.creator=" + AUTHOR + " sortBy dc.date/sort.descending").titles())
			.containsExactly(SIMPLIFIED, TRADITIONAL);
		assertThat(search("dc.creator=" + AUTHOR + " sortBy dc.date").titles()).containsExactly(TRADITIONAL, SIMPLIFIED);
		assertThat(search("dc.creator=" + AUTHOR + " sortBy dc.title/sort.ascending").numberOfRecords()).isEqualTo(2);
	}

	@Test
	void traditionalAndSimplifiedCharactersFindEachOther() throws Exception {
		assertThat(search("dc.title=图书馆学概论新探").titles()).containsExactly(TRADITIONAL);
		assertThat(search("dc.title=圖書館員手記新編").titles()).containsExactly(SIMPLIFIED);
		assertThat(search("dc.title=圖書館 and dc.creator=" + AUTHOR).titles())
			.containsExactlyInAnyOrder(TRADITIONAL, SIMPLIFIED);
		assertThat(search("dc.title=图书馆 and dc.creator=" + AUTHOR).numberOfRecords()).isEqualTo(2);
		assertThat(search("dc.creator=歐陽測試").numberOfRecords()).isEqualTo(2);
	}

	@Test
	void pinyinInitialsAndAccentsAreSearchedAsOnTheSearchPage() throws Exception {
		assertThat(search("dc.title=\"huanghe shuili\"").titles()).first().isEqualTo(PINYIN);
		assertThat(search("\"huanghe shuili shihua\"").titles()).first().isEqualTo(PINYIN);
		assertThat(search("dc.title=hhslsh").titles()).first().isEqualTo(PINYIN);
		assertThat(search("dc.title=legende and dc.creator=hugo").titles()).containsExactly(LEGENDE);
		assertThat(search("dc.title=\"LÉGENDE SIÈCLES\"").titles()).contains(LEGENDE);
		assertThat(search("dc.title=légen*").titles()).contains(LEGENDE);
	}

}
