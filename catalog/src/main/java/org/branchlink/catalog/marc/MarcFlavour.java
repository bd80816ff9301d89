package org.branchlink.catalog.marc;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/** MARC21 or UNIMARC (CNMARC is UNIMARC-based): told apart by their title fields, 245 against 200. */
public enum MarcFlavour {

	MARC21, UNIMARC;

	/** The source format of a UNIMARC/CNMARC record harvested over OAI-PMH in MARCXML. */
	public static final String OAI_UNIMARC = "oai-unimarc";

	/**
	 * The flavour a stored record came in as, by its source format ({@code unimarc} as the ingest writes it for a
	 * UNIMARC/CNMARC file's record, {@value #OAI_UNIMARC} for one harvested); MARC21 for every other format, MARC or not.
	 */
	public static MarcFlavour ofSourceFormat(String sourceFormat) {
		return "unimarc".equals(sourceFormat) || OAI_UNIMARC.equals(sourceFormat) ? UNIMARC : MARC21;
	}

	public static MarcFlavour of(Record record) {
		boolean has200 = false;
		for (DataField field : record.getDataFields()) { // not getVariableField(tag): it formats the leader each time
			if ("245".equals(field.getTag())) {
				return MARC21;
			}
			has200 |= "200".equals(field.getTag());
		}
		return has200 ? UNIMARC : MARC21;
	}

	/** Whether the raw record's directory lists a 200 field and no 245. */
	static boolean looksLikeUnimarc(byte[] record) {
		int base = 0;
		for (int i = 12; i < 17; i++) {
			base = base * 10 + (record[i] - '0');
		}
		boolean has200 = false;
		for (int entry = 24; entry + 12 < base; entry += 12) {
			if (record[entry] == '2' && record[entry + 1] == '4' && record[entry + 2] == '5') {
				return false;
			}
			has200 |= record[entry] == '2' && record[entry + 1] == '0' && record[entry + 2] == '0';
		}
		return has200;
	}

}
