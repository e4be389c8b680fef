package cn.shoudi.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/reports/township";
    }
}
