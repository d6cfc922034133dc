/**
 * Printable documents for every module: {@link org.zhurnal.pdf.api.PrintDocument} lays out headings, paragraphs
 * and tables with wrapped cells on A4 pages (portrait or landscape) in DejaVu Sans, so Cyrillic prints and stays
 * extractable; {@link org.zhurnal.pdf.api.PdfFonts} gives the fonts to modules that draw with PDFBox themselves.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.pdf.api;
