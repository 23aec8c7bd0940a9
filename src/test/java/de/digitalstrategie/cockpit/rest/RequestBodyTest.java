package de.digitalstrategie.cockpit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.rest.AdvisoryResource;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.rest.DecisionResource;
import de.digitalstrategie.cockpit.message.AccessDeniedException;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies at the REST write endpoints: who may not write is refused before a byte of the
 * body is read, and nobody's body is read beyond a bound. Proven at the resource with a body that
 * counts what is read, and over a raw connection with bodies that never end: the answer must come
 * while the client is still sending (a server that buffered the body first would never answer).
 */
class RequestBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far more than the bound; the sender stops there if the server never answers. */
    private static final long ENDLESS = 256L << 20;
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static Decision ready;
    private static AdvisoryInput answered;
    private static int tried;
    /** Bytes read of a body before the role check said no. */
    private static long readBeforeRefusal;
    /** Answers that came only after far more than the bound had been sent (or never). */
    private static int unbounded;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        ready = fixture.sandbox.decisions.all().stream().filter(d -> d.status() == DecisionStatus.READY_FOR_VOTE
                && !d.withdrawn()).findFirst().orElseThrow();
        answered = fixture.sandbox.advisory.all().stream().filter(i -> i.answer().status().answered()
                && i.answer().reportedToBoardOn() == null).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        System.out.println("hardening request-bodies: tried " + tried + ", read before the role check "
                + readBeforeRefusal + " bytes, read beyond the bound " + unbounded);
        server.close();
        fixture.close();
    }

    /** A body that counts how much of it was read, and would go on for ever. */
    private static final class CountingBody extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }
    }

    private final List<CountingBody> bodies = new java.util.ArrayList<>();

    private InputStream counted() {
        CountingBody b = new CountingBody();
        bodies.add(b);
        return b;
    }

    private static <T> T resource(Class<T> type) {
        return fixture.sandbox.restResources().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedBeforeTheBodyIsRead() {
        DecisionResource decisions = resource(DecisionResource.class);
        AdvisoryResource advisory = resource(AdvisoryResource.class);
        for (String user : List.of("mitarbeiterin", "leitung-finanzen", "expertin-wirtschaft", "admin")) {
            fixture.sandbox.users.actAs(fixture.sandbox.users.user(user).orElseThrow());
            try {
                List<Supplier<Object>> writes = List.of(
                        () -> decisions.changeStatus(String.valueOf(ready.id()), counted()),
                        () -> advisory.answer(String.valueOf(answered.id()), counted()),
                        () -> advisory.report(String.valueOf(answered.id()), counted()));
                for (Supplier<Object> write : writes) {
                    tried++;
                    assertThrows(AccessDeniedException.class, write::get, user);
                }
            } finally {
                fixture.sandbox.users.actAs(null);
            }
        }
        readBeforeRefusal += bodies.stream().mapToLong(b -> b.read).sum();
        assertEquals(0, bodies.stream().mapToLong(b -> b.read).sum(), "not one byte of any body was read");
    }


    @Test
    void overHttpTheRefusalComesWhileTheBodyIsStillBeingSent() throws Exception {
        for (String path : List.of("/decisions/" + ready.id() + "/status", "/advisory/" + answered.id() + "/answer",
                "/advisory/" + answered.id() + "/report")) {
            Exchange e = endless(path, "mitarbeiterin", "de", true);
            tried++;
            unbounded += e.sentWhenAnswered < (8L << 20) ? 0 : 1;
            assertEquals(403, e.status, path + ": " + e.body);
            assertTrue(e.sentWhenAnswered < (8L << 20), path + ": answered after " + e.sentWhenAnswered + " bytes");
            assertTrue(e.body.contains("\"error\":\"cockpit.access.error."), e.body);
        }
    }

    @Test
    void anOversizedBodyFromSomeoneWhoMayWriteIsRefusedAfterTheBoundWithALocalisedMessage() throws Exception {
        for (String lang : List.of("de", "en")) {
            for (boolean chunked : List.of(true, false)) {
                Exchange e = endless("/decisions/" + ready.id() + "/status", "schriftfuehrung", lang, chunked);
                tried++;
                unbounded += e.sentWhenAnswered < (32L << 20) ? 0 : 1;
                assertEquals(413, e.status, e.body);
                JsonNode error = JSON.readTree(e.body);
                assertEquals("cockpit.rest.error.body-too-large", error.path("error").asText());
                assertEquals("de".equals(lang) ? "Die Anfrage ist zu groß (höchstens 1.048.576 Bytes)."
                        : "The request is too large (at most 1,048,576 bytes).", error.path("message").asText());
                assertTrue(e.sentWhenAnswered < (32L << 20), "read no further than the bound: answered after "
                        + e.sentWhenAnswered + " bytes");
            }
        }
        assertEquals(DecisionStatus.READY_FOR_VOTE, fixture.sandbox.decisions.find(ready.id()).orElseThrow().status());
    }

    /** What came back, and how much of the body the client had sent by then. */
    private record Exchange(int status, String body, long sentWhenAnswered) {
    }

    /**
     * POSTs a JSON body that goes on and on (chunked, or with a Content-Length of {@link #ENDLESS})
     * from a thread of its own, and reads the answer meanwhile.
     */
    private static Exchange endless(String path, String as, String lang, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /rest/cockpit/1.0" + path + "?as=" + as + "&lang=" + lang + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + ENDLESS + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread sender = new Thread(() -> {
                byte[] piece = new byte[64 * 1024];
                Arrays.fill(piece, (byte) 'x');
                byte[] start = "{\"status\":\"decided\",\"vote\":\"9/0/0\",\"comment\":\"".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(start, 0, piece, 0, start.length);
                try {
                    while (sent.get() < ENDLESS) {
                        if (chunked) {
                            out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(piece);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(piece.length);
                        Arrays.fill(piece, 0, start.length, (byte) 'x');
                    }
                } catch (IOException closed) {
                    // the server answered and closed the connection: what this test wants
                }
            }, "endless-body");
            sender.setDaemon(true);
            sender.start();
            InputStream in = socket.getInputStream();
            String status = line(in);
            long when = sent.get();
            int length = -1;
            boolean chunkedAnswer = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunkedAnswer = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunkedAnswer) {
                for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                     size = Integer.parseInt(line(in).strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            socket.close();
            sender.join(10_000);
            return new Exchange(Integer.parseInt(status.split(" ")[1]), body.toString(StandardCharsets.UTF_8), when);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
