package io.edgeward.inspector.fronts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranges file format: one CIDR block a line; blank lines and lines starting with {@code #} (the source and date)
 * are ignored. The shipped files are in this package's resources; {@link RangesRefresh} rewrites them.
 */
public final class RangeFile {

    static final String CLOUDFRONT = "cloudfront.txt";
    static final String CLOUDFLARE = "cloudflare.txt";

    private RangeFile() {
    }

    public static List<String> parse(String text) {
        List<String> cidrs = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String entry = line.trim();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                cidrs.add(entry);
            }
        }
        return cidrs;
    }

    /** @throws IllegalArgumentException when the file cannot be read or holds something other than CIDR blocks */
    public static AddressRanges read(Path file) {
        try {
            return checked(parse(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("ranges file " + file + " cannot be read: " + e);
        }
    }

    /** One of the shipped files ({@code cloudfront.txt}, {@code cloudflare.txt}). */
    public static AddressRanges shipped(String name) {
        try (InputStream in = RangeFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("shipped ranges " + name + " missing from the class path");
            }
            return checked(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AddressRanges checked(List<String> cidrs, String source) {
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("ranges file " + source + " holds no ranges");
        }
        try {
            return AddressRanges.of(cidrs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ranges file " + source + ": " + e.getMessage());
        }
    }
}
