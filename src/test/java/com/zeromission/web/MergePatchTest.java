package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** RFC 7396 on Jackson trees: the RFC's own examples (appendix A), and a patch read back through a record. */
class MergePatchTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'a':'b'}                    | {'a':'c'}               | {'a':'c'}",
            "{'a':'b'}                    | {'b':'c'}               | {'a':'b','b':'c'}",
            "{'a':'b'}                    | {'a':null}              | {}",
            "{'a':'b','b':'c'}            | {'a':null}              | {'b':'c'}",
            "{'a':['b']}                  | {'a':'c'}               | {'a':'c'}",
            "{'a':'c'}                    | {'a':['b']}             | {'a':['b']}",
            "{'a':{'b':'c'}}              | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}            | {'a':[1]}               | {'a':[1]}",
            "['a','b']                    | ['c','d']               | ['c','d']",
            "{'a':'b'}                    | ['c']                   | ['c']",
            "{'a':'foo'}                  | null                    | null",
            "{'a':'foo'}                  | 'bar'                   | 'bar'",
            "{'e':null}                   | {'a':1}                 | {'e':null,'a':1}",
            "[1,2]                        | {'a':'b','c':null}      | {'a':'b'}",
            "{}                           | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}"})
    void mergesAsTheRfcsExamplesSay(String target, String patch, String result) {
        assertThat(MergePatch.merge(tree(target), tree(patch))).isEqualTo(tree(result));
    }

    record Thing(String name, String note, List<String> tags) {
        Thing {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    @Test
    void keepsAbsentMembersReplacesPresentOnesAndRemovesNullOnes() {
        var thing = new Thing("invoice", "late", List.of("a", "b"));
        assertThat(MergePatch.apply(JSON, thing, tree("{'tags':['c'],'note':null}"), Thing.class))
                .isEqualTo(new Thing("invoice", null, List.of("c")));
    }

    @Test
    void refusesAPatchThatIsNotAnObjectOrBreaksTheResourceNamingTheField() {
        var thing = new Thing("invoice", "late", List.of());
        assertThatThrownBy(() -> MergePatch.apply(JSON, thing, tree("['x']"), Thing.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> MergePatch.apply(JSON, thing, tree("{'name':null}"), Thing.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name is required");
        assertThatThrownBy(() -> MergePatch.apply(JSON, thing, tree("{'tags':{'x':1}}"), Thing.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at field tags");
        assertThatThrownBy(() -> MergePatch.changes(JSON, tree("{'note':null}"), Thing.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("note: cannot be removed");
    }

    private static tools.jackson.databind.JsonNode tree(String json) {
        return JSON.readTree(json.replace('\'', '"'));
    }
}
