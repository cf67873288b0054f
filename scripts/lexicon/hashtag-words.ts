/**
 * Words a hashtag may be split into besides the words of the lexicon itself
 * (#stillwaiting is still + waiting, #worstairline worst + airline): common
 * function words and the nouns of customer service, written for this
 * project. Only the words the lexicon does not already hold go into the
 * generated file. Longer everyday words are here too so that a hashtag made
 * of one is not split into smaller ones (#therapist is no "the rapist").
 * No brand names: a hashtag that starts with one
 * (#brandfail) splits by its known end (see src/text/hashtag-reader.ts).
 */
export const HASHTAG_WORDS = `
a an the and or but so no not never ever again still yet too very just only even also
all any some every each both more most less much many few lot lots enough
i me my mine we us our you your yours he him his she her it its they them their
this that these those here there what why how when where who which whose
is are was were be been being am do does did done doing have has had having
get gets got getting go goes going gone went come comes came coming
make makes made take takes took taken give gives gave given see saw seen
know knew think thought want wants need needs say said tell told ask asked
keep kept let put find found try tried use used work works worked working
for of to in on at by with from up down out off over under about after before
into onto through during without within again until since than then now
today tonight tomorrow yesterday morning night day days week weeks month months
year years hour hours minute minutes time times second moment forever always
one two three four five six seven eight nine ten first second third last next
new old big small long short fast slow late early quick whole half
real true right wrong same other another own
back home away here there life world people person man woman guy guys folks
customer customers client clients service services care support help team staff
agent agents rep reps manager managers company business brand
airline airlines air flight flights plane planes airport seat seats bag bags
luggage baggage gate gates crew pilot boarding board cabin
delay delays delayed cancel cancelled canceled cancellation
order orders ordered delivery deliveries deliver delivered package packages
parcel parcels shipping shipment shipped courier post mail
store stores shop shopping online app apps website site phone phones call calls
email emails chat text line lines queue queues hold
wifi internet network signal data cable tv power
bank banks card cards account accounts bill bills billing payment payments
money cash price prices fee fees charge charges charged cost costs
product products item items food meal meals drink room rooms hotel hotels
car cars train trains bus buses fly flying flew travel trip trips ride
experience quality issue issues problem problems fix fixed broken lost
waiting wait waited stuck stranded missed missing
fail failed fails failure epic nothing everything something anything
nobody everyone someone anyone
together therapist another somewhere everywhere homework weekend workout
football baseball basketball birthday everyday everybody someday goodnight
breakfast understand office season party mention
bad sad mad sick poor good great nice best worst love hate
`;
