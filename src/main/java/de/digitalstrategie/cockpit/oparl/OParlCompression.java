package de.digitalstrategie.cockpit.oparl;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.ext.Provider;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * OParl recommends HTTP compression: a client that sends {@code Accept-Encoding: gzip} gets its
 * answer gzipped (full walks of a council's data are large and repetitive). Every OParl answer
 * says {@code Vary: Accept-Encoding}, so a cache never hands the compressed bytes to a client that
 * did not ask for them. The filter decides (it sees the request); the interceptor compresses what
 * the filter marked, as the entity is written.
 */
@Provider
public class OParlCompression implements ContainerResponseFilter, WriterInterceptor {
    static final String GZIP = "gzip";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!OParlCors.isOParl(request) || !response.hasEntity()) {
            return;
        }
        response.getHeaders().add("Vary", "Accept-Encoding");
        if (acceptsGzip(request.getHeaderString("Accept-Encoding"))
                && response.getHeaderString("Content-Encoding") == null) {
            response.getHeaders().putSingle("Content-Encoding", GZIP);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!GZIP.equals(String.valueOf(context.getHeaders().getFirst("Content-Encoding")))) {
            context.proceed();
            return;
        }
        context.getHeaders().remove("Content-Length");
        GZIPOutputStream gzip = new GZIPOutputStream(context.getOutputStream());
        context.setOutputStream(gzip);
        context.proceed();
        gzip.finish();
    }

    /** gzip among the client's codings, not refused with q=0. */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals(GZIP) || parts[0].trim().equals("x-gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].replace(" ", "");
                    if (p.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
