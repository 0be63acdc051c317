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
}
