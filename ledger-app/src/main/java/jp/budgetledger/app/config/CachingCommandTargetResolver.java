package jp.budgetledger.app.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's {@code AnnotationCommandTargetResolver} semantics ({@link TargetAggregateIdentifier},
 * {@link TargetAggregateVersion} on a command's fields), with the annotated fields looked up once
 * per command class instead of by reflection on every command.
 */
final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final Map<Class<?>, Target> targets = new ConcurrentHashMap<>();

    private record Target(Field identifier, Field version) {
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Target target = targets.computeIfAbsent(payload.getClass(), type -> new Target(
                annotated(type, TargetAggregateIdentifier.class), annotated(type, TargetAggregateVersion.class)));
        Object identifier = read(target.identifier(), payload);
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. "
                    + "Make sure at least one of the fields or methods in the [" + payload.getClass().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
        }
        Object version = read(target.version(), payload);
        return new VersionedAggregateIdentifier(identifier, version == null ? null : ((Number) version).longValue());
    }

    private static Field annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (field.isAnnotationPresent(annotation)) {
                ReflectionUtils.ensureAccessible(field);
                return field;
            }
        }
        return null;
    }

    private static Object read(Field field, Object payload) {
        return field == null ? null : ReflectionUtils.getFieldValue(field, payload);
    }
}
