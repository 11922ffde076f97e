package qms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading members of decoded JSON without casts scattered through the façade. */
final class Wire {
    private Wire() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : null;
    }

    static String str(Map<String, Object> o, String name, String otherwise) {
        return o != null && o.get(name) instanceof String s ? s : otherwise;
    }

    static Integer integer(Map<String, Object> o, String name) {
        return o != null && o.get(name) instanceof Long l ? Integer.valueOf(l.intValue()) : null;
    }

    static boolean bool(Map<String, Object> o, String name) {
        return o != null && Boolean.TRUE.equals(o.get(name));
    }

    static List<Map<String, Object>> objects(Map<String, Object> o, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (o != null && o.get(name) instanceof List<?> list) {
            for (Object x : list) {
                Map<String, Object> m = object(x);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
