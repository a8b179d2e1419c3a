package com.zeromission.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.privacy.TextMasker;
import com.zeromission.replay.InvalidReplayEventsException;
import com.zeromission.replay.UnmaskedInputException;

/** The server's masking and refusals over rrweb events, before anything is stored. */
class EventSanitizerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final EventSanitizer sanitizer = new EventSanitizer(TextMasker.standard());

    static JsonNode events(String json) {
        return JSON.readTree(json.replace('\'', '"'));
    }

    static String snapshot(String tag, String value) {
        return "[{'type':2,'timestamp':1000,'data':{'node':{'type':0,'id':1,'childNodes':[{'type':2,'id':2,'tagName':'"
                + tag + "','attributes':{'value':'" + value + "'},'childNodes':[]}]}}}]";
    }

    @Test
    void masksTextNodesAttributesMutationsAndCustomPayloadsWithIntakesMasker() {
        var clean = sanitizer.sanitize(events("""
                [{'type':2,'timestamp':1000,'data':{'node':{'type':0,'id':1,'childNodes':[
                   {'type':2,'id':2,'tagName':'p','attributes':{'title':'mail anna.svensson@example.com'},'childNodes':[
                     {'type':3,'id':3,'textContent':'call 070-123 45 67'}]}]}}},
                 {'type':3,'timestamp':1100,'data':{'source':0,'texts':[{'id':3,'value':'pnr 19811218-9876'}],
                   'attributes':[{'id':2,'attributes':{'title':'anna.svensson@example.com'}}],'adds':[],'removes':[]}},
                 {'type':5,'timestamp':1200,'data':{'tag':'zm-error','payload':{'text':'card 4111 1111 1111 1111 declined'}}}]
                """));

        String stored = JSON.writeValueAsString(clean.events());
        assertThat(stored).doesNotContain("anna.svensson", "070-123", "19811218", "4111 1111")
                .contains("[EMAIL]", "[PHONE]", "[PERSONAL_ID]", "[CARD]");
        assertThat(clean.count()).isEqualTo(3);
        assertThat(clean.firstMillis()).isEqualTo(1000);
        assertThat(clean.lastMillis()).isEqualTo(1200);
    }

    @Test
    void keepsOnlyTheOriginAndPathOfAMetaHref() {
        var clean = sanitizer.sanitize(events(
                "[{'type':4,'timestamp':1,'data':{'href':'https://shop.example.com/checkout/step-2?email=a@b.se&order=77#card','width':1,'height':1}}]"));

        assertThat(clean.events().get(0).path("data").path("href").asString()).isEqualTo("https://shop.example.com/checkout/step-2");
    }

    @Test
    void acceptsInputValuesMaskedAsStarsOrEmpty() {
        var clean = sanitizer.sanitize(events("""
                [{'type':3,'timestamp':1,'data':{'source':5,'id':9,'text':'*******','isChecked':false}},
                 {'type':3,'timestamp':2,'data':{'source':5,'id':9,'text':'','isChecked':false}}]"""));
        assertThat(clean.count()).isEqualTo(2);
        assertThat(sanitizer.sanitize(events(snapshot("input", "****"))).count()).isEqualTo(1);
    }

    @Test
    void refusesAnInputEventWhoseTextIsNotOnlyStarsWithoutSayingTheValue() {
        assertThatThrownBy(() -> sanitizer.sanitize(events(
                "[{'type':3,'timestamp':1,'data':{'source':5,'id':9,'text':'4111111111111111','isChecked':false}}]")))
                .isInstanceOf(UnmaskedInputException.class).hasMessageContaining("events[0]")
                .hasMessageNotContaining("4111");
    }

    @Test
    void refusesAnUnmaskedValueOfAnInputTextareaOrSelectInASnapshot() {
        for (String tag : new String[] {"input", "textarea", "SELECT"}) {
            assertThatThrownBy(() -> sanitizer.sanitize(events(snapshot(tag, "anna"))))
                    .isInstanceOf(UnmaskedInputException.class).hasMessageNotContaining("anna");
        }
        // a button's or an option's value is no typed input: masked, not refused
        assertThat(sanitizer.sanitize(events(snapshot("option", "SE"))).count()).isEqualTo(1);
    }

    @Test
    void refusesAnUnmaskedValueInAnAddedNodeAndAValueAttributeChange() {
        assertThatThrownBy(() -> sanitizer.sanitize(events("""
                [{'type':3,'timestamp':1,'data':{'source':0,'texts':[],'attributes':[],'removes':[],
                  'adds':[{'parentId':1,'node':{'type':2,'id':5,'tagName':'input','attributes':{'value':'secret'},'childNodes':[]}}]}}]""")))
                .isInstanceOf(UnmaskedInputException.class);
        assertThatThrownBy(() -> sanitizer.sanitize(events("""
                [{'type':3,'timestamp':1,'data':{'source':0,'texts':[],'adds':[],'removes':[],
                  'attributes':[{'id':5,'attributes':{'value':'secret'}}]}}]""")))
                .isInstanceOf(UnmaskedInputException.class).hasMessageContaining("earlier batch");
        // a node this batch shows to be no form field may change its value attribute (a progress bar)
        assertThat(sanitizer.sanitize(events("""
                [{'type':3,'timestamp':1,'data':{'source':0,'texts':[],'removes':[],
                  'adds':[{'parentId':1,'node':{'type':2,'id':6,'tagName':'progress','attributes':{},'childNodes':[]}}],
                  'attributes':[{'id':6,'attributes':{'value':'40'}}]}}]""")).count()).isEqualTo(1);
    }

    @Test
    void dropsPluginEventsSuchAsConsoleRecordings() {
        var clean = sanitizer.sanitize(events(
                "[{'type':6,'timestamp':1,'data':{'plugin':'rrweb/console@1','payload':{'payload':['x']}}},{'type':4,'timestamp':2,'data':{'href':'https://a.example/'}}]"));
        assertThat(clean.count()).isEqualTo(1);
        assertThat(clean.events().get(0).path("type").asInt()).isEqualTo(4);
    }

    @Test
    void refusesWhatIsNotAnArrayOfRrwebEvents() {
        assertThatThrownBy(() -> sanitizer.sanitize(events("{'type':4}"))).isInstanceOf(InvalidReplayEventsException.class);
        assertThatThrownBy(() -> sanitizer.sanitize(events("[{'type':'x','timestamp':1}]")))
                .isInstanceOf(InvalidReplayEventsException.class).hasMessageContaining("events[0]");
        assertThatThrownBy(() -> sanitizer.sanitize(events("[{'type':3}]"))).isInstanceOf(InvalidReplayEventsException.class);
    }
}
