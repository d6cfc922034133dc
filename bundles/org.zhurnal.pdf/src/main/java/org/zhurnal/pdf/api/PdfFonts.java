package org.zhurnal.pdf.api;

import java.io.IOException;
import java.io.InputStream;

/** The fonts every Zhurnal document uses (DejaVu Sans, regular and bold: Cyrillic and Latin), from this bundle. */
public final class PdfFonts {
    private PdfFonts() {
    }

    /** @return a new stream of DejaVu Sans (TrueType); the caller closes it */
    public static InputStream regular() throws IOException {
        return open("/fonts/DejaVuSans.ttf");
    }

    /** @return a new stream of DejaVu Sans Bold (TrueType); the caller closes it */
    public static InputStream bold() throws IOException {
        return open("/fonts/DejaVuSans-Bold.ttf");
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = PdfFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Font resource not found: " + resource);
        }
        return in;
    }
}
