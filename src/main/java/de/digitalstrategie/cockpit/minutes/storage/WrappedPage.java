package de.digitalstrategie.cockpit.minutes.storage;

import java.io.IOException;
import java.io.Reader;

/**
 * A page's storage format between an opening and a closing text, read as one stream, so the
 * fragment becomes a document without being copied. It remembers where the page itself ended: when
 * the parser gives up only in the closing text (an element the page never closed), the error is
 * the page's end, not a position the editor cannot find.
 */
final class WrappedPage extends Reader {
    private final String opening;
    private final Reader page;
    private final String closing;
    private int openingRead;
    private int closingRead;
    private boolean pageDone;
    private int line = 1;
    private int column = 1;
    private boolean afterCarriageReturn;

    WrappedPage(String opening, Reader page, String closing) {
        this.opening = opening;
        this.page = page;
        this.closing = closing;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (openingRead < opening.length()) {
            int n = Math.min(length, opening.length() - openingRead);
            opening.getChars(openingRead, openingRead + n, buffer, offset);
            openingRead += n;
            return n;
        }
        if (!pageDone) {
            int n = page.read(buffer, offset, length);
            if (n > 0) {
                count(buffer, offset, n);
                return n;
            }
            if (n == 0) {
                return 0;
            }
            pageDone = true;
        }
        if (closingRead < closing.length()) {
            int n = Math.min(length, closing.length() - closingRead);
            closing.getChars(closingRead, closingRead + n, buffer, offset);
            closingRead += n;
            return n;
        }
        return -1;
    }

    /** Counts lines as XML does: CR LF, a lone CR and a lone LF each end one line. */
    private void count(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    line++;
                    column = 1;
                }
                afterCarriageReturn = false;
            } else if (c == '\r') {
                line++;
                column = 1;
                afterCarriageReturn = true;
            } else {
                column++;
                afterCarriageReturn = false;
            }
        }
    }

    /** @return whether the whole page has been read, so {@link #endLine()} and {@link #endColumn()} are final */
    boolean pageDone() {
        return pageDone;
    }

    /** @return the line just after the page's last character, from 1 */
    int endLine() {
        return line;
    }

    /** @return the column just after the page's last character, from 1, as the parser counts columns */
    int endColumn() {
        return column;
    }

    /** Leaves the page's reader open: it belongs to the caller. */
    @Override
    public void close() {
    }
}
