package jp.budgetledger.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file of one JSON object per line (NDJSON), one line at a time; blank lines are skipped, unknown fields ignored. */
final class NdjsonFile<T> implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path path;
    private final Class<T> type;
    private final BufferedReader reader;
    private long lineNumber;

    private NdjsonFile(Path path, Class<T> type, BufferedReader reader) {
        this.path = path;
        this.type = type;
        this.reader = reader;
    }

    static <T> NdjsonFile<T> open(Path path, Class<T> type) {
        try {
            return new NdjsonFile<>(path, type, Files.newBufferedReader(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The next object, or null at the end of the file. */
    T next() {
        try {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (line.isBlank());
            return JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** An error about the line last read. */
    InputException malformed(String reason) {
        return new InputException(path + " の " + lineNumber + " 行目を読めません", path + " line " + lineNumber + ": " + reason);
    }

    static InputException unreadable(Path path, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof CharacterCodingException) {
            reason = "not UTF-8 text";
        } else {
            reason = e.getMessage();
        }
        return new InputException(path + " を読めません", "cannot read " + path + ": " + reason);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }
}
