package jp.budgetledger.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void lineBreaksAndOtherControlCharactersBecomeUnderscores() {
        assertThat(LogSafe.text("mallory\n2026-12-02 INFO forged")).isEqualTo("mallory_2026-12-02 INFO forged");
        assertThat(LogSafe.text("a\r\nb\tc\u0000d\u001be")).isEqualTo("a__b_c_d_e");
        assertThat(LogSafe.text("x\u2028y\u2029z\u0085w")).isEqualTo("x_y_z_w");
        assertThat(LogSafe.text("right\u202eto-left")).isEqualTo("right_to-left");
        assertThat(LogSafe.text("山田太郎")).isEqualTo("山田太郎");
        assertThat(LogSafe.text(null)).isNull();
    }

    @Test
    void longTextIsCutWithAMark() {
        String cut = LogSafe.text("あ".repeat(LogSafe.MAX_LENGTH + 50));
        assertThat(cut).hasSize(LogSafe.MAX_LENGTH + 1).endsWith("あ…");
        assertThat(LogSafe.text("😀".repeat(LogSafe.MAX_LENGTH))).as("whole code points are kept").isEqualTo("😀".repeat(LogSafe.MAX_LENGTH));
    }

    @Test
    void aForgedLineStaysInTheOneLogLine() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd} %level %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("jp.budgetledger.test.logsafe");
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            logger.warn("Failed login for user {}", LogSafe.text("mallory\n2026-12-02 INFO forged"));
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written.lines()).hasSize(1);
        assertThat(written).contains("WARN Failed login for user mallory_2026-12-02 INFO forged");
    }
}
