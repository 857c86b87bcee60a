import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;

/** Reads unicode-escaped inputs then patterns, one per line; prints one JSON array of results per pattern. */
public class Differential {
  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) { b.append(c); continue; }
      char n = s.charAt(++i);
      switch (n) {
        case 'n': b.append('\n'); break;
        case 'r': b.append('\r'); break;
        case 't': b.append('\t'); break;
        case '\\': b.append('\\'); break;
        case 'x': b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16)); i += 2; break;
        default: b.append('\\').append(n);
      }
    }
    return b.toString();
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Paths.get(args[0]));
    int inputCount = Integer.parseInt(args[1]);
    for (String line : lines.subList(inputCount, lines.size())) {
      StringBuilder out = new StringBuilder("[");
      Pattern pattern = null;
      try { pattern = Pattern.compile(unescape(line)); } catch (RuntimeException e) { /* recorded as null results */ }
      for (int i = 0; i < inputCount; i++) {
        if (i > 0) out.append(',');
        out.append(pattern == null ? "null" : json(pattern.matcher(unescape(lines.get(i))).replaceAll("<$0>")));
      }
      System.out.println(out.append(']'));
    }
  }
}
