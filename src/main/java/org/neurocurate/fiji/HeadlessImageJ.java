package org.neurocurate.fiji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.Menus;

/**
 * Makes NeuroCurate's ImageJ 1 entries callable from macros under plain ij.jar without a display.
 * Headless, ImageJ has no command table ({@link Menus#getCommands()} is null) and its first attempt to
 * build one needs AWT menus, so {@code run("NeuroCurate …")} would fail; this fills the table from the
 * {@code plugins.config} packed at the jar root, the same file Fiji reads.
 */
public final class HeadlessImageJ {

    private static final Pattern ENTRY = Pattern.compile("^\\s*[^,#]+,\\s*\"([^\"]+)\"\\s*,\\s*(.+?)\\s*$");

    private HeadlessImageJ() {
    }

    /** The entries of plugins.config: label → {@code class("arg")}. */
    public static Map<String, String> entries() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = HeadlessImageJ.class.getResourceAsStream("/plugins.config")) {
            if (in == null) {
                throw new IOException("plugins.config is not on the classpath (is the NeuroCurate jar complete?)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher m = ENTRY.matcher(line);
                if (!line.trim().startsWith("#") && m.matches()) {
                    out.put(m.group(1), m.group(2));
                }
            }
        }
        return out;
    }

    /** Registers every entry in ImageJ's command table, creating the table when ImageJ has none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static synchronized void registerCommands() throws IOException {
        Hashtable table = Menus.getCommands();
        if (table == null) {
            try {
                Field f = Menus.class.getDeclaredField("pluginsTable");
                f.setAccessible(true);
                table = new Hashtable();
                f.set(null, table);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot install ImageJ's command table in this ImageJ version", e);
            }
        }
        table.putAll(entries());
    }
}
