package jp.budgetledger.app.web;

import jp.budgetledger.core.api.Numbers;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters and JSON bodies accept numbers as people type them (full-width digits, commas). */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The web API's mapper (built by Boot) reads such numbers in JSON bodies too. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer lenientNumbers() {
        return builder -> builder
                .deserializerByType(Long.class, new LenientNumberDeserializer.Longs())
                .deserializerByType(Integer.class, new LenientNumberDeserializer.Integers());
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
