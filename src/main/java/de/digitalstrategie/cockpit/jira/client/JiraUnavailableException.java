package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * No HTTP answer from Jira even after the retries. Status 0: there was no HTTP status. What went
 * wrong is told apart, because an administrator acts differently on each: Jira could not be
 * reached at all (refused, unknown host, TLS), it took longer than the read timeout, or the
 * connection was closed before any answer came (a keep-alive connection the server or a proxy
 * had closed while it lay idle, or a reset): the last is not "Jira does not answer".
 */
public class JiraUnavailableException extends JiraException {

    /** Why there was no answer. */
    public enum Kind {
        /** No connection: refused, unknown host, TLS handshake failed, or the waiting thread was interrupted. */
        UNREACHABLE,
        /** Connected and sent, but the answer took longer than the read timeout. */
        TIMEOUT,
        /** The connection was closed or reset before an answer arrived. */
        CLOSED
    }

    private final Kind kind;

    /**
     * @param readTimeout how long each attempt waited for the answer, for the timeout's message
     */
    public JiraUnavailableException(String request, String baseUrl, int attempts, Duration readTimeout,
                                    Throwable cause) {
        this(request, baseUrl, attempts, readTimeout, cause, kindOf(cause));
    }

    private JiraUnavailableException(String request, String baseUrl, int attempts, Duration readTimeout,
                                     Throwable cause, Kind kind) {
        super(request, 0, List.of(), Map.of(), userMessage(kind, baseUrl, readTimeout),
                request + ": " + describe(kind, baseUrl, readTimeout) + " after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + cause, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** How the JDK's HTTP client reports each case, read from the exception and its causes. */
    static Kind kindOf(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return Kind.UNREACHABLE;
        }
        if (cause instanceof HttpTimeoutException) {
            return Kind.TIMEOUT;
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof SSLException
                    || t instanceof InterruptedException) {
                return Kind.UNREACHABLE;
            }
        }
        // What remains of the IOExceptions is a connection that ended before the answer: the
        // JDK's "HTTP/1.1 header parser received no bytes" (an EOF), "Connection reset", a
        // broken pipe.
        return cause instanceof IOException ? Kind.CLOSED : Kind.UNREACHABLE;
    }

    private static Message userMessage(Kind kind, String baseUrl, Duration readTimeout) {
        return switch (kind) {
            case UNREACHABLE -> Message.of("cockpit.jira.error.unreachable", baseUrl);
            case TIMEOUT -> Message.of("cockpit.jira.error.timeout", baseUrl, readTimeout.toSeconds());
            case CLOSED -> Message.of("cockpit.jira.error.closed", baseUrl);
        };
    }

    private static String describe(Kind kind, String baseUrl, Duration readTimeout) {
        return switch (kind) {
            case UNREACHABLE -> "no answer from Jira at " + baseUrl;
            case TIMEOUT -> "no answer from Jira at " + baseUrl + " within " + readTimeout.toMillis() + " ms";
            case CLOSED -> "Jira at " + baseUrl + " (or a proxy before it) closed the connection without answering";
        };
    }
}
