package org.zhurnal.reporting.spi;

/**
 * A rendered report.
 *
 * @param fileName a file name for the download, with extension
 * @param content the bytes in the requested format
 */
public record ReportOutput(String fileName, byte[] content) {
}
