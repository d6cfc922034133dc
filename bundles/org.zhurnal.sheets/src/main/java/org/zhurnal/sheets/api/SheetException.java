package org.zhurnal.sheets.api;

/** A file that is not a readable XLSX workbook; the message says why, for the user. */
public class SheetException extends Exception {
    private static final long serialVersionUID = 1L;

    public SheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
