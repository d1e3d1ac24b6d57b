package nl.zorgpad.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Refuses the NUL character (U+0000) in every string read from JSON or YAML. PostgreSQL stores it in neither text
 * nor jsonb, so a NUL that reached the database would fail the transaction as a server error; refused while reading,
 * it becomes a 400 that names the field.
 */
public final class NulFreeStrings {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulFreeStrings() {
    }

    /** A Jackson module for every mapper that reads requests: the REST layer's, and YAML mappers for imports. */
    public static SimpleModule module() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer());
    }

    /** Whether a request URI would hand a NUL to a path or query parameter: it can only arrive encoded, as %00. */
    public static boolean inUri(URI uri) {
        String raw = uri.getRawPath() + "?" + uri.getRawQuery();
        return raw.toLowerCase(Locale.ROOT).contains("%00");
    }

    /** A string with a NUL in it, at the parser's current location. */
    public static final class Refused extends InvalidFormatException {

        Refused(JsonParser parser, String value) {
            super(parser, MESSAGE, value, String.class);
        }

        /** Where in the document, e.g. {@code partners[2].name}. */
        public String field() {
            return getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new Refused(parser, value);
            }
            return value;
        }
    }
}
