package com.zeromission.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.zeromission.web.DemoLogins;

/** The sign-in page (Spring Security handles its POST) and the page shown when a role does not allow something. */
@Controller
class SignInPages {

    private final boolean demo;
    private final java.util.List<String> teamLogins;

    SignInPages(@Value("${zeromission.demo.enabled:false}") boolean demo,
            org.springframework.beans.factory.ObjectProvider<DemoLogins> demoLogins) {
        this.demo = demo;
        this.teamLogins = demoLogins.stream().flatMap(d -> d.teamMembers().stream()).toList();
    }

    @GetMapping("/login")
    String login(Model model) {
        // The demo users are documented; naming them on the sign-in page is only right in demo mode.
        model.addAttribute("demo", demo);
        model.addAttribute("teamLogins", teamLogins);
        return "pages/login";
    }

    @org.springframework.web.bind.annotation.RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "pages/denied";
    }
}
