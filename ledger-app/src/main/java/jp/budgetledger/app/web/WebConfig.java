package jp.budgetledger.app.web;

import jp.budgetledger.core.api.Numbers;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters accept numbers as people type them (full-width digits, commas), like JSON bodies do. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

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
