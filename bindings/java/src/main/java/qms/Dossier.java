package qms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A dossier (hồ sơ) to send: its JSON text, a file holding it, or a decoded map.
 *
 * <pre>{@code
 * Dossier d = Dossier.of("examples/so-khcn-ninh-binh.json");   // a path (text starting with '{' is JSON)
 * Dossier e = Dossier.ofFile(Path.of("hoso.json"));
 * }</pre>
 */
public final class Dossier {
    // The JSON value put in the request: a JSON string of the text (so problems are reported
    // at the lines of the dossier's own file), or a raw object.
    final Object wire;

    private Dossier(Object wire) {
        this.wire = wire;
    }

    /** Text starting with '{' is JSON; anything else is a file path. */
    public static Dossier of(String textOrPath) {
        Objects.requireNonNull(textOrPath, "textOrPath");
        return textOrPath.stripLeading().startsWith("{") ? ofJson(textOrPath) : ofFile(Path.of(textOrPath));
    }

    /** A dossier from its JSON text. */
    public static Dossier ofJson(String text) {
        return new Dossier(Objects.requireNonNull(text, "text"));
    }

    /** A dossier from a UTF-8 JSON file; an unreadable file is an {@link UncheckedIOException}. */
    public static Dossier ofFile(Path path) {
        try {
            return new Dossier(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("không đọc được tệp hồ sơ / cannot read the dossier file " + path, e);
        }
    }

    /** A dossier from a decoded map (values: maps, lists, strings, numbers, booleans, null). */
    public static Dossier ofMap(Map<String, ?> dossier) {
        return new Dossier(new Json.Raw(Json.write(Objects.requireNonNull(dossier, "dossier"))));
    }
}
