package io.hermesconnect.common.jinja;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code value | normalize}: the text without accents and other diacritics, e.g. for logins and mail
 * addresses: {@code 'Élodie Müller'} becomes {@code 'Elodie Muller'}. Compatibility decomposition (NFKD)
 * splits letters from their marks, which are then dropped; it also turns ligatures like {@code 'ﬁ'}
 * into {@code 'fi'}.
 */
final class NormalizeFilter extends OwnFilter {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    NormalizeFilter() {
        super("normalize");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value == null) {
            return null;
        }
        return COMBINING_MARKS.matcher(Normalizer.normalize(value.toString(), Normalizer.Form.NFKD)).replaceAll("");
    }

    /**
     * How many UTF-16 units the decomposition turns this one into at most, so that {@link FilterBounds} can bound
     * the result before it is built (up to 18: U+FDFA decomposes into 18 characters); half a surrogate pair counts
     * 3, as no supplementary character decomposes into more than 6 units.
     */
    static int decomposedLength(int unit) {
        return Character.isSurrogate((char) unit) ? 3 : Decompositions.LENGTHS[unit];
    }

    /** The decomposed length of every BMP character, computed once when first needed (about 0.2 s). */
    private static final class Decompositions {
        static final byte[] LENGTHS = new byte[Character.MAX_VALUE + 1];

        static {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                LENGTHS[c] = (byte) Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD).length();
            }
        }
    }
}
