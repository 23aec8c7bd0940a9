package de.digitalstrategie.cockpit.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** An XLSX file as the text a person reading it would see: each sheet's name, then its cells row by row. */
public final class XlsxText {
    private XlsxText() {
    }

    public static String of(byte[] xlsx) throws IOException {
        StringBuilder s = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                s.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        s.append(cell.toString()).append('\t');
                    }
                    s.append('\n');
                }
            }
        }
        return s.toString();
    }
}
