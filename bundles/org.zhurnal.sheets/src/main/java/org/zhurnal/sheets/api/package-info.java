/**
 * Tables as files, for every module's exports, imports and reports: a {@link org.zhurnal.sheets.api.Table} is
 * written as CSV (UTF-8 with a byte-order mark, semicolons — what Russian spreadsheet programs open directly) or
 * as an XLSX workbook by {@link org.zhurnal.sheets.api.Sheets}, which also reads the sheets of an uploaded XLSX
 * file as rows of text.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.sheets.api;
