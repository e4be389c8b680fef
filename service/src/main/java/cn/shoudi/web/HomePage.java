package cn.shoudi.web;

import cn.shoudi.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: each role's main page. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return switch (Viewer.current().role()) {
            case "CADRE" -> "redirect:/tasks";
            case "INFO_OFFICER" -> "redirect:/households";
            case "POLICY" -> "redirect:/policy";
            case "LEADER" -> "redirect:/dashboard";
            case "ADMIN" -> "redirect:/admin";
            default -> "home";
        };
    }
}
