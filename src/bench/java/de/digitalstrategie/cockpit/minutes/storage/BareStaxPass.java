package de.digitalstrategie.cockpit.minutes.storage;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;

/**
 * The baseline of the storage-format benchmark: one pass of the JDK's StAX parser over a page that
 * does nothing with the events. Same wrapper, same document type with HTML's entities, same
 * parser settings as {@link StorageFormatReader#read(String)}: all that differs is the work the
 * reader does on top.
 */
public final class BareStaxPass {
    private BareStaxPass() {
    }

    /** @return the number of parser events, so the pass cannot be optimised away */
    public static int events(String storageFormat) throws XMLStreamException {
        XMLStreamReader xml = StorageFormatReader.parser(StorageFormatReader.wrap(new StringReader(storageFormat)));
        try {
            int events = 0;
            while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
                events++;
            }
            return events;
        } finally {
            xml.close();
        }
    }
}
