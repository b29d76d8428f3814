package jp.budgetledger.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Numbers;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;

/**
 * Query parameters and JSON bodies accept numbers as people type them (full-width digits, commas);
 * a JSON text with the NUL character, which no text column of the database stores, is rejected
 * naming its field.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The web API's mapper (built by Boot) reads such numbers in JSON bodies too. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer lenientNumbers() {
        return builder -> builder
                .deserializerByType(Long.class, new LenientNumberDeserializer.Longs())
                .deserializerByType(Integer.class, new LenientNumberDeserializer.Integers())
                .deserializerByType(String.class, new NulFreeStrings());
    }

    /** JSON strings as Jackson reads them, but none with NUL. */
    static final class NulFreeStrings extends StdScalarDeserializer<String> {

        NulFreeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new InvalidValueException(p.currentName() == null ? "value" : p.currentName(), "must not contain the NUL character");
            }
            return text;
        }
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Long.class, s -> s.isBlank() ? null : Numbers.parseLong("value", s));
        registry.addConverter(String.class, Integer.class, s -> {
            if (s.isBlank()) {
                return null;
            }
            long value = Numbers.parseLong("value", s);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("out of range");
            }
            return (int) value;
        });
    }
}
