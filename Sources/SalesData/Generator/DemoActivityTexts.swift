/// The phrase bank of the demo's calls, meetings and emails.
///
/// Clauses carry one tone (positive, neutral or negative from the customer's side) and slots that
/// ``ActivityTextComposer`` fills: `{product}`, `{team}`, `{role}`, `{day}`, `{when}`, `{n}`, and
/// `{adv}`, an optional intensifier ("really ", "very ", …). Negated clauses ("not happy", "no
/// concerns anymore") sit in the bank of the tone they express. Clauses start with a capital letter
/// and end without punctuation, so they can follow "but" and take any ending.
enum DemoActivityTexts {
    // MARK: Emails (written by or to the customer)

    static let positiveEmail = [
        "The team {adv}loved the {product} demo",
        "Thanks for the {adv}great call today",
        "We're {adv}excited to move forward with {product}",
        "The pilot results look {adv}good",
        "Our CFO signed off on the budget for {product}",
        "The numbers work for us",
        "Your proposal is exactly what we needed",
        "Legal approved the contract terms",
        "We're happy to sign {when}",
        "The rollout plan looks {adv}solid",
        "I appreciate the quick turnaround on the quote",
        "Everyone on the {team} is {adv}impressed with {product}",
        "The references you shared were {adv}helpful",
        "We are ready to start the order form",
        "The integration test went {adv}smoothly",
        "Thank you for going the extra mile on pricing",
        "Our users are already asking when they can start",
        "This is a {adv}clear win for the {team}",
        "We got approval from {role}",
        "The revised pricing is a {adv}good fit for our budget",
        "The {team} gave {product} {adv}great feedback",
        "We'd love to expand to {n} more seats",
        "The security review came back clean",
        "Your support team has been {adv}responsive",
        "We have no concerns left on our side",
        "Pricing is no longer an issue for us",
        "The onboarding plan doesn't worry us anymore",
        "There were no problems at all during the trial",
        "We never expected the setup to be this easy",
        "I can't thank you enough for the help this week",
        "The executive team is fully behind this project",
        "We would be glad to be a reference customer",
    ]

    static let neutralEmail = [
        "Following up on our conversation about {product}",
        "Attached is the proposal we discussed",
        "Checking in on the {product} evaluation",
        "Sharing the pricing sheet and two customer references as promised",
        "Can we move our call to {day}",
        "Please send over the security questionnaire",
        "{Role} will review the proposal {when}",
        "We're still collecting requirements from the {team}",
        "Could you clarify the licensing model for {product}",
        "I'm out of office until {day}",
        "Looping in {role} for the technical questions",
        "Here are the notes from today's meeting",
        "We need a revised quote for {n} seats",
        "What does the implementation timeline look like",
        "Confirming our meeting on {day}",
        "The decision will be made {when}",
        "Let me know which dates work for the workshop",
        "Please update the order form with our billing address",
        "Do you have a case study from a company our size",
        "Adding {role} to the thread",
        "We will discuss {product} at our planning meeting {when}",
        "Can you send the contract as a Word document",
        "Our fiscal year starts in July, so timing matters",
        "Who should we contact for technical support during the trial",
        "Resending the invoice details you asked for",
        "Is the {n}-seat tier billed monthly or annually",
        "Our team is out next week for the offsite",
        "Can you share the data processing agreement",
    ]

    static let negativeEmail = [
        "We've decided to go with another vendor for {product}",
        "The budget was cut this quarter",
        "The price is {adv}high for us right now",
        "We had {adv}serious problems with the onboarding",
        "We are not happy with the response time",
        "The project is on hold until further notice",
        "{Role} is not convinced the ROI is there",
        "The pilot did not meet our expectations",
        "We are {adv}disappointed with how the evaluation went",
        "The integration failed again during testing",
        "Nobody on the {team} has time to evaluate this",
        "Your competitor offered a {adv}better deal",
        "We can't justify the cost to {role}",
        "The contract terms are unacceptable to our legal team",
        "We're {adv}frustrated by the delays",
        "The demo was confusing and missed our main use case",
        "We have {adv}serious concerns about security and compliance",
        "Please stop following up for now",
        "The renewal is at risk after last month's outage",
        "There is no budget left this year",
        "The {team} is not happy with {product}",
        "We never got a clear answer on data migration",
        "This isn't a good fit for us",
        "We don't see enough value to continue",
        "The quote doesn't work for us",
        "The support experience has been {adv}poor",
        "We are cancelling the evaluation",
        "I'm {adv}worried the rollout will slip again",
        "We are not renewing at this price",
        "The last two invoices were wrong",
    ]

    // MARK: Call and meeting notes (written by the rep)

    static let positiveNote = [
        "{Role} confirmed the budget for {product}",
        "{adv}strong interest from the {team}",
        "Champion is pushing internally for a signature {when}",
        "Customer {adv}liked the roadmap",
        "Verbal yes from {role}, paperwork next",
        "Pilot users are {adv}happy, asking to expand",
        "Procurement accepted our terms",
        "Great energy in the room, next step is the order form",
        "Customer agreed to a reference call after go-live",
        "{Role} called the demo the best they have seen",
        "Agreed on pricing for {n} seats",
        "No objections on security, approved by IT",
        "Competitor is out, we are the preferred vendor",
        "Customer wants to start {when}",
        "Implementation plan approved by the {team}",
        "Renewal confirmed with an upsell of {n} seats",
        "Customer had no concerns about the timeline",
        "Budget is not a blocker anymore",
        "Customer {adv}pleased with the proof of concept",
        "{Role} asked for the contract {when}",
        "Great reference call, customer was convinced",
        "Security questionnaire passed without findings",
    ]

    static let neutralNote = [
        "Covered current process, pain points and decision makers",
        "Left voicemail, will try again {day}",
        "Reviewed pricing options and timeline",
        "Intro call with the new IT manager",
        "Walked through the security questionnaire with IT",
        "Quarterly business review with the {team}",
        "Demo of {product} for the {team}",
        "Kickoff workshop for the {product} implementation",
        "Reviewed contract redlines with procurement",
        "Sent follow-up with the recap and next steps",
        "Customer asked for a quote for {n} seats",
        "Scheduled a technical deep dive for {day}",
        "Mapped the buying committee: {role} decides",
        "Discussed integration options with the {team}",
        "Customer is comparing two pricing options",
        "Rescheduled to {day} at the customer's request",
        "Reviewed usage data from the trial",
        "Status call, no change since last week",
        "Customer will share the requirements document {when}",
        "Introduced our solutions engineer to the {team}",
        "Agreed on a two-week trial for {n} users",
        "Customer asked for references in their industry",
    ]

    static let negativeNote = [
        "{Role} pushed back {adv}hard on price",
        "Customer is evaluating a competitor",
        "No decision maker on the call",
        "Pilot feedback was {adv}poor",
        "Customer not responding to emails or calls",
        "Budget frozen until next fiscal year",
        "{Role} is skeptical about the ROI",
        "Project deprioritized by the {team}",
        "Customer unhappy with the implementation estimate",
        "Champion left the company, no replacement yet",
        "Legal rejected our standard terms",
        "Customer complained about support response times",
        "The {team} does not want to change tools",
        "Security review failed on data residency",
        "Meeting cancelled at the last minute, again",
        "Customer said the price is {adv}unrealistic",
        "No budget this year, they will not move forward",
        "Customer is not convinced we can deliver {when}",
        "Trial usage dropped to almost zero",
        "{Role} was {adv}upset about the billing error",
        "Customer wants a discount we cannot give",
        "Nobody showed up to the scheduled demo",
    ]

    // MARK: Fillers

    static let greetings = [
        "Hi {contact},", "Hello {contact},", "{contact},", "Hi {contact}!", "Good morning {contact},", "Hi all,",
        "Dear {contact},",
    ]
    static let openers = [
        "Thanks for your note.", "Hope you had a good weekend.", "Quick update from our side.",
        "Thanks for getting back to me.",
        "Following up on our call.", "Hope all is well.",
    ]
    static let closings = [
        "Thanks,", "Best,", "Best regards,", "Talk soon.", "Let me know if you have questions.", "Cheers,", "Regards,",
        "Thanks again.",
    ]
    static let callPrefixes = ["Call with {role}: ", "Call: ", "Phone call with {contact}: ", ""]
    static let meetingPrefixes = ["Meeting with {role}: ", "On-site meeting: ", "Video meeting with the {team}: ", ""]

    static let emailSubjects = [
        "Re: {product} proposal", "{product} pricing", "Next steps", "Follow-up: {product} demo", "Contract review",
        "Re: renewal", "Question about {product}", "Quote for {n} seats", "Implementation timeline",
        "Re: security review",
    ]
    static let callSubjects = ["Call", "Discovery call", "Follow-up call", "Pricing call", "Check-in call"]
    static let meetingSubjects = [
        "Meeting", "On-site demo", "Quarterly business review", "Negotiation meeting", "Kickoff workshop",
        "Executive briefing",
    ]

    // MARK: Slot values

    static let teams = [
        "ops team", "finance team", "IT team", "leadership team", "sales team", "support team", "marketing team",
        "procurement team",
    ]
    static let roles = [
        "our CFO", "our COO", "the VP of Operations", "procurement", "our legal team", "our IT director",
        "the project sponsor", "our CEO", "the finance director",
    ]
    static let noteRoles = [
        "The CFO", "The COO", "The VP of Operations", "Procurement", "Legal", "The IT director",
        "The project sponsor", "The CEO", "The finance director",
    ]
    static let days = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "next week", "Monday morning", "Thursday afternoon",
    ]
    static let whens = [
        "this week", "by Friday", "before the end of the month", "before quarter end", "next week", "in January",
        "after the board meeting",
    ]
    static let seats = ["10", "15", "25", "40", "50", "75", "100", "200"]
    static let intensifiers = ["really ", "very ", "extremely ", "absolutely ", "truly ", "incredibly ", "so "]
    /// Words written in capitals for emphasis when they occur.
    static let emphasisWords = [
        "really", "very", "not", "never", "no", "great", "love", "loved", "happy", "disappointed",
        "frustrated", "unacceptable", "excited", "poor", "cancelling",
    ]

    /// Every clause template, for counting phrasings.
    static var allClauses: [String] {
        positiveEmail + neutralEmail + negativeEmail + positiveNote + neutralNote + negativeNote
    }
}
