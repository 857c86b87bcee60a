import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/** Reads "kind<TAB>pattern<TAB>value" lines; prints "Double.toString(value)<TAB>String.format(pattern, value)" or an error. */
public class FormatDifferential {
  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Paths.get(args[0]));
    for (String line : lines) {
      String[] parts = line.split("\t", -1);
      Object value = parts[0].equals("integer") ? (Object) Integer.valueOf(parts[2]) : (Object) Double.valueOf(parts[2]);
      String text;
      try { text = String.format(parts[1], value); } catch (RuntimeException e) { text = "ERROR " + e.getClass().getSimpleName(); }
      System.out.println((value instanceof Double ? Double.toString((Double) value) : value.toString()) + "\t" + text.replace("\n", "\\n"));
    }
  }
}
