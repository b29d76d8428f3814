package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.problem.DatabaseUnavailable;
import jp.budgetledger.app.problem.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors the servlet container raises itself answer problem+json in the ledger's shape too: an
 * error dispatch (a {@code sendError} outside Spring MVC's exception handling) is answered by a
 * filter before Boot's HTML/JSON error page, and what Tomcat rejects before the application sees
 * the request (a malformed path, say) by the host's error report valve. Neither reveals an
 * exception or a stack trace. A filter that fails because the database is unavailable answers 503
 * with {@code Retry-After}, as the controllers do.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    FilterRegistrationBean<ErrorDispatchProblems> errorDispatchProblems(ObjectMapper json) {
        FilterRegistrationBean<ErrorDispatchProblems> registration = new FilterRegistrationBean<>(new ErrorDispatchProblems(json));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseUnavailableProblems> databaseUnavailableProblems(ObjectMapper json) {
        FilterRegistrationBean<DatabaseUnavailableProblems> registration = new FilterRegistrationBean<>(new DatabaseUnavailableProblems(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The problem of an error status the container set: its reason phrase, nothing of the cause. */
    static ProblemDetail problem(int status, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String reason = status >= 500 ? "the ledger could not answer this request" : title.toLowerCase(java.util.Locale.ROOT);
        ProblemDetail problem = Problems.of(HttpStatus.valueOf(status), known == null ? "error" : slug(title), title,
                List.of(new Problems.FieldError(status == HttpStatus.PAYLOAD_TOO_LARGE.value() ? "body" : null, reason)), Map.of());
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                problem.setInstance(null);
            }
        }
        return problem;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Answers the error dispatch with the problem of the original request's status and path. */
    static final class ErrorDispatchProblems extends OncePerRequestFilter {

        private final ObjectMapper json;

        ErrorDispatchProblems(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value && value >= 400 ? value : response.getStatus() >= 400 ? response.getStatus() : 500;
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            Problems.write(request, response, json, problem(status, path instanceof String p ? p : null));
        }
    }

    /**
     * A filter (sign-in, idempotency, the rebuild notice...) that fails because the database cannot
     * be reached answers 503 with {@code Retry-After} like a controller does, not 500.
     */
    static final class DatabaseUnavailableProblems extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

        private final ObjectMapper json;

        DatabaseUnavailableProblems(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("Database unavailable: {}", e.toString());
                response.reset();
                response.setHeader(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS);
                Problems.write(request, response, json, Problems.databaseUnavailable());
            }
        }
    }

    /** Tomcat's last resort for a request that never reached the application: problem+json instead of HTML. */
    static final class ProblemErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                String path = request.getDecodedRequestURI();
                byte[] body = JSON.writeValueAsBytes(problem(status, path));
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response already written: nothing more to say
            }
        }
    }
}
