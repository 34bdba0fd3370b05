// Runs HeidelTime (news, English, TreeTagger) over many documents in one JVM, so the
// benchmark measures its tagging rather than a Java start per document.
//
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java CONFIG DIR
//
// DIR holds N.txt (the text, UTF-8) and N.dct (YYYY-MM-DD); N.tml (TimeML) is written
// beside each. Calls HeidelTime's public API only; its rules are not read here.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<Path> texts = new ArrayList<>();
        try (var files = Files.list(Path.of(args[1]))) {
            files.filter(p -> p.toString().endsWith(".txt")).forEach(texts::add);
        }
        Collections.sort(texts);
        for (Path text : texts) {
            String stem = text.toString().substring(0, text.toString().length() - 4);
            String dct = Files.readString(Path.of(stem + ".dct"), StandardCharsets.UTF_8).trim();
            Date when = dct.isEmpty() ? null : day.parse(dct);
            String document = Files.readString(text, StandardCharsets.UTF_8);
            String out = when == null ? tagger.process(document) : tagger.process(document, when);
            Files.writeString(Path.of(stem + ".tml"), out, StandardCharsets.UTF_8);
        }
    }
}
