package org.branchlink.catalog.marc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** Opens a MARC source in whichever form it is: MARCXML (any wrapper) or ISO 2709. */
public final class MarcSources {

	private MarcSources() {
	}

	/**
	 * @param in the source; read to its end by the returned iterator, not closed
	 * @param charset the character set of ISO 2709 records (ignored for XML, which declares its own)
	 * @return the records in source order, each read or refused with a reason
	 */
	public static Iterator<RawRecord> open(InputStream in, MarcCharset charset) {
		BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
		return isXml(buffered) ? new MarcXmlRecords(buffered) : new Iso2709Reader(buffered, charset);
	}

	private static boolean isXml(BufferedInputStream in) {
		try {
			in.mark(64);
			byte[] head = in.readNBytes(64);
			in.reset();
			for (int i = 0; i < head.length; i++) {
				int b = head[i] & 0xFF;
				if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
					continue;
				}
				return b == '<';
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
