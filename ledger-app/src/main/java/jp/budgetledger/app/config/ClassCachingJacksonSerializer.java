package jp.budgetledger.app.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer with the class of each serialized type name looked up once. Axon's own
 * looks the class up by name for every message it deserialises, which in the packaged application
 * goes through the class loaders' delegation for each event, once per event processor. Names whose
 * class is missing are not cached here: Axon keeps its own answer for them.
 * <p>
 * Listed, with the Axon issue it covers, in the deployment guide's "Workarounds of Axon 4.13.0".
 */
public class ClassCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    public ClassCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }
}
