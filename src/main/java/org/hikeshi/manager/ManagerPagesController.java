package org.hikeshi.manager;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The managers' pages; what they show comes from the JSON endpoints, through the bundled scripts. */
@Controller
class ManagerPagesController {

	@GetMapping(ManagerSecurityConfiguration.LOGIN)
	String login() {
		return "manager/login";
	}

	@GetMapping(ManagerSecurityConfiguration.DENIED)
	String denied(Principal user, Model model) {
		model.addAttribute("user", (user != null) ? user.getName() : null);
		return "manager/denied";
	}

	@GetMapping("/modeler")
	String modeler(Principal user, Model model) {
		model.addAttribute("user", user.getName());
		return "manager/modeler";
	}

	@GetMapping("/dashboard")
	String dashboard(Principal user, Model model) {
		model.addAttribute("user", user.getName());
		return "manager/dashboard";
	}

}
