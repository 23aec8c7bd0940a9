package de.digitalstrategie.cockpit.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a table in one file format. The stream stays open: it belongs to the caller. */
public interface ExportWriter {
    void write(ExportTable table, OutputStream out) throws IOException;
}
