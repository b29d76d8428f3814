package jp.budgetledger.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON format of everything Axon stores (events, metadata, tokens). Pinned here, apart
 * from Spring's web {@code ObjectMapper}, so that {@code spring.jackson.*} settings can never
 * change the stored format: ISO dates, sorted-as-declared fields, unknown fields ignored on
 * read (so that older code can read events written by newer code).
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    public static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
    }
}
