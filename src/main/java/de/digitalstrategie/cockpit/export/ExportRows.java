package de.digitalstrategie.cockpit.export;

import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of an export, handed over one at a time so that a large register is never held in
 * memory at once (a store can page through its table inside {@code forEach}). Each row has one
 * value per column, in column order; a null value is an empty cell.
 */
@FunctionalInterface
public interface ExportRows {
    void forEach(Consumer<List<Object>> row);
}
