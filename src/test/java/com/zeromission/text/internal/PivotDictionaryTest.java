package com.zeromission.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dictionary reader on small dictionaries in the dictd format written here (the real FreeDict files are
 * installed by the test set-up and exercised by the grouping tests), so that parsing, stemming, inversion, the
 * Scandinavian neighbours and compound splitting are each pinned down on known entries.
 */
class PivotDictionaryTest {

    @TempDir
    static Path dir;

    static Map<String, LanguagePipeline> pipelines = new LinkedHashMap<>();

    static PivotDictionary dictionary;

    @BeforeAll
    static void writeDictionaries() throws IOException {
        for (String l : List.of("en", "sv", "de", "nb", "da", "nl", "fi")) {
            pipelines.put(l, LanguagePipeline.of(l));
        }
        write("swe-eng", Map.of(
                "faktura", "faktura /faktˈʉːra/ <n>\ninvoice, bill\n",
                "påminnelse", "påminnelse /pɔː/\nreminder\n",
                "avgift", "avgift /ˈɑːvjɪft/\n1. fee, charge\n2. duty\n",
                "aldrig", "aldrig /ˈaldrɪɡ/\nnever\n"));
        write("deu-eng", Map.of(
                "Rechnung", "Rechnung /ˈrɛçnʊŋ/ <fem, n, sg>\n [econ.] invoice <n>, bill\n see: {Rechnungen}\n",
                "Gebühr", "Gebühr /ɡəbˈyːɐ/ <fem, n, sg>\nfee <n>\n",
                "Mahnung", "Mahnung /ˈmaːnʊŋ/ <fem, n, sg>\nreminder <n>, dunning letter\n"));
        write("eng-nor", Map.of(
                "invoice", "invoice /ˈɪnvɔɪs/ <n>\nfaktura\nlist of goods sent\n",
                "reminder", "reminder /ɹɪˈmaɪndɚ/ <n>\npåminnelse, purring\n"));
    }

    private static void write(String name, Map<String, String> entries) throws IOException {
        StringBuilder data = new StringBuilder();
        StringBuilder index = new StringBuilder();
        for (var e : entries.entrySet()) {
            int offset = data.toString().getBytes(StandardCharsets.UTF_8).length;
            int length = e.getValue().getBytes(StandardCharsets.UTF_8).length;
            data.append(e.getValue());
            index.append(e.getKey()).append('\t').append(b64(offset)).append('\t').append(b64(length)).append('\n');
        }
        Files.writeString(dir.resolve("freedict-" + name + ".index"), index);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("freedict-" + name + ".dict.dz")))) {
            out.write(data.toString().getBytes(StandardCharsets.UTF_8));
        }
        dictionary = null;
    }

    private static String b64(long n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        if (n == 0) {
            return "A";
        }
        StringBuilder s = new StringBuilder();
        while (n > 0) {
            s.insert(0, alphabet.charAt((int) (n % 64)));
            n /= 64;
        }
        return s.toString();
    }

    private static PivotDictionary dictionary() {
        if (dictionary == null) {
            dictionary = PivotDictionary.load(dir, pipelines);
        }
        return dictionary;
    }

    @Test
    void readsDictdBase64Numbers() {
        assertThat(PivotDictionary.base64("A")).isZero();
        assertThat(PivotDictionary.base64("BA")).isEqualTo(64);
        assertThat(PivotDictionary.base64("0/JP")).isEqualTo(((52L * 64 + 63) * 64 + 9) * 64 + 15);
        assertThatThrownBy(() -> PivotDictionary.base64("a-b")).hasMessageContaining("'a-b'");
    }

    @Test
    void translatesAnInflectedWordThroughTheStemOfItsHeadword() {
        // "fakturan" (the invoice) is not a headword; its stem is the stem of "faktura"
        assertThat(dictionary().translate("sv", "fakturan")).containsExactly("invoic", "bill");
        assertThat(dictionary().translate("de", "rechnungen")).containsExactly("invoic", "bill");
    }

    @Test
    void keepsEverySenseWithoutBracketedNotesOrExplanations() {
        // "1. fee, charge 2. duty": the numbered senses all count, the first ones first
        assertThat(dictionary().translate("sv", "avgiften")).containsExactly("fee", "charg", "duti");
        // "dunning letter" has two content words and is kept; longer explanations would not be
        assertThat(dictionary().translate("de", "mahnung")).containsExactly("remind", "dun", "letter");
    }

    @Test
    void splitsACompoundIntoKnownPartsHeadFirst() {
        // påminnelse + avgift (+ the definite ending): the head "fee" comes first
        assertThat(dictionary().translate("sv", "påminnelseavgiften")).startsWith("fee").contains("remind");
        // Rechnung + s + Gebühr: the linking -s- is recognised
        assertThat(dictionary().translate("de", "rechnungsgebühr")).startsWith("fee").contains("invoic");
    }

    @Test
    void readsADictionaryIntoTheLanguageBackwardsWhenThereIsNoForwardOne() {
        // only English → Norwegian exists: "purring" (a Norwegian reminder) is found through "reminder"
        assertThat(dictionary().translate("nb", "purring")).containsExactly("remind");
        assertThat(dictionary().translate("nb", "fakturaen")).containsExactly("invoic");
    }

    @Test
    void looksUpAScandinavianWordInItsNeighboursDictionaries() {
        // no Danish dictionary here at all: Danish "faktura" is found in the Norwegian one
        assertThat(dictionary().translate("da", "faktura")).containsExactly("invoic");
    }

    @Test
    void translatesEnglishToItsOwnStemAndUnknownWordsToNothing() {
        assertThat(dictionary().translate("en", "invoices")).containsExactly("invoic");
        assertThat(dictionary().translate("sv", "xyzzyqq")).isEmpty();
        assertThat(dictionary().translate("fi", "lasku")).isEmpty(); // no Finnish dictionary here
    }

    @Test
    void aMissingDirectoryTranslatesNothingAndFailsNothing() {
        PivotDictionary none = PivotDictionary.load(dir.resolve("not-there"), pipelines);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.translate("sv", "faktura")).isEmpty();
    }
}
