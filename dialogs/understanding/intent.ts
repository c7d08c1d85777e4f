/**
 * The intent of a message, from keyword families in all four languages (matched on folded
 * text, so a guest's language guess never hides a keyword) and from what the extractors
 * found (dates, party, reference). Order matters and says what wins when a message mixes
 * things:
 *   handoff > feedback > manage_booking > concierge > faq > book > greeting > other,
 * except that a booking request with dates and a head count stays a booking even if it
 * also asks about parking or breakfast, and a concierge request about an existing stay
 * ("late checkout", "towels") beats the words "my booking".
 */
import { near, PhraseSet } from './phrases';
import type { Intent } from './types';

const words = (alts: string): PhraseSet => new PhraseSet(alts);

const HANDOFF_TARGET = `interlocuteur|interlocutor|owner|proprietaire|proprio|dueno|duena|dono|dona|gerente|patron|patronne|host|hote|hotesse|anfitrion|anfitriona|anfitriao|directeur|director|diretor|recepcionista|receptionniste|staff|personnel|equipe|someone else|human|humans|humain|humaine|humano|humana|real person|actual person|real human|live person|live agent|person|a person|someone|somebody|anyone|quelqu un|une personne|une vraie personne|vraie personne|alguien|una persona|persona real|alguem|uma pessoa|pessoa real|agent|agente|operator|operateur|operador|operadora|conseiller|conseillere|atendente|staff member|member of staff|manager|receptionist|reception|recepcion|recepcao|front desk|desk|front office|accueil|the owner|le proprietaire|le gerant|el encargado|o gerente|responsable`;
const HANDOFF_STRONG = `interlocuteur|vrai interlocuteur|un interlocuteur|interlocutor|human|humans|humain|humaine|humano|humana|real person|actual person|real human|live person|live agent|vraie personne|persona real|pessoa real|agent|agente|operator|operateur|operador|operadora|conseiller|conseillere|atendente|someone real`;
/** Verbs of talking go with any person; verbs of wanting only with an unmistakable one ("I'd like a room for one person" is a booking). */
const HANDOFF_TALK = `talk|speak|chat|parler|parle|hablar|hablo|falar|falo|contact|contacter|contactar|get me|passez moi|passe moi|put me through|transfer me|connect me`;
const HANDOFF_WANT = `j aimerais|j aimerais avoir|je voudrais avoir|i would like|i d like to have|me gustaria|gostaria de|puis je avoir|je peux avoir|pourrais je avoir|can i get|could i get|puedo tener|podria tener|posso ter|need|want|je veux|je voudrais|quiero|quero|i d like|can i have|could i have|give me`;
const TALK_TARGET = words(HANDOFF_TARGET);
const STRONG_TARGET = words(HANDOFF_STRONG);
const TALK = words(HANDOFF_TALK);
const WANT = words(HANDOFF_WANT);
const TO_TALK = words(`i can call|i could call|to call|i can ring|a appeler|je peux appeler|a qui je peux parler|a quien llamar|a quien puedo llamar|para quem ligar|para quem posso ligar|i can talk|i could talk|to talk|to speak|i can speak|je peux parler|a qui parler|con quien hablar|com quem falar`);
const HANDOFF_ANYWHERE = words(`human|humain|humaine|humano|humana|a real person|une vraie personne|persona real|pessoa real|live agent|live chat|atendente|atendimento humano|operateur|operador|operadora
  quelqu un au telephone|quelqu un par telephone|quelqu un au tel|quelqu un en ligne|someone on the phone|someone by phone|alguien por telefono|alguem no telefone|alguem por telefone
  me puede llamar|me podria llamar|me podrian llamar|pode me ligar|podem me ligar|poderia me ligar
  call me back|ring me back|rappelez moi|rappelle moi|me rappeler|me rappelle|me recontacter|recontactez moi|llamenme|me llamen|me llaman|me pueden llamar|me liga|me liguem|me ligar|ligue para mim|liguem para mim|ligar para mim`);
/** "call me", "m'appeler", "llamarme": someone to phone the guest, unless a ride is what is to be called ("call me a taxi"). */
const CALL_ME = words(`call me|ring me|phone me|give me a call|give us a call|call us|m appeler|nous appeler|appelez moi|appelle moi|me telephoner|m telephoner|telephonez moi|llamame|llamarme|llamarnos|llamadme|llamenos|telefonearme|contactarme|me llamas|me llama|me ligam|ligar me|ligarem|me telefonar|telefonar me`);
const RIDE = words(`taxi|taxis|cab|uber|car|voiture|coche|carro|chauffeur|driver|vtc|shuttle|navette`);
const HANDOFF_ALONE = words(`agent|human|humain|humano|operator|operateur|operador|person|persona|pessoa|atendente|conseiller|someone|a human|a real person|real person|une personne|un humain|una persona|uma pessoa|un conseiller`);

function isHandoff(w: readonly string[]): boolean {
  return near(w, TALK, TALK_TARGET, 3) || near(w, WANT, STRONG_TARGET, 2) || near(w, TALK_TARGET, TO_TALK, 3) || HANDOFF_ANYWHERE.test(w) || (CALL_ME.test(w) && !RIDE.test(w)) || HANDOFF_ALONE.isExactly(w);
}

// "amazing place", "lovely stay", "great staff": praise of something already lived.
const PRAISE = words(`amazing|wonderful|fantastic|lovely|beautiful|gorgeous|perfect|excellent|superb|incredible|awesome|great`);
const PRAISED = words(`place|hotel|stay|time|experience|staff|hosts|host|view|breakfast|weekend|trip|location|service|hospitality`);
const FEEDBACK_WORDS = words(`
    (?:thank you|thanks|thank you so much|many thanks) for (?:everything|having us|your hospitality|a (?:great|wonderful|lovely|fantastic|perfect|nice|beautiful)|the (?:stay|wonderful|lovely|great|perfect|beautiful)|our stay|such a)
    merci (?:beaucoup )?pour (?:tout|ce sejour|le sejour|notre sejour|votre accueil|l accueil|ce super|ce merveilleux|ce beau|ce magnifique|cet agreable|ce bon)|gracias por todo|gracias por la estancia|gracias por su hospitalidad|obrigad[oa] por tudo|obrigad[oa] pela estadia|obrigad[oa] pela hospitalidade
    wonderful stay|great stay|lovely stay|perfect stay|amazing stay|fantastic stay|nice stay|super sejour|bon sejour|sejour parfait|sejour magnifique|excellent sejour|merveilleux sejour|estancia maravillosa|estancia perfecta|estadia maravilhosa|estadia perfeita
    we loved|loved it|loved the|loved our|we enjoyed|enjoyed our|on a adore|nous avons adore|j ai adore|adore notre|nos encanto|me encanto|nos gusto mucho|adoramos|amamos|gostamos muito
    disappointed|disappointing|decu|decus|decue|decues|decevant|decevante|decepcionad[oa]s?|decepcionante|complaint|complain|plainte|reclamation|queja|reclamacao|reclamar
    review|reviews|laisser un avis|un avis|resena|avaliacao|10 10|5 5|five stars|5 stars|5 etoiles|cinq etoiles|5 estrellas|5 estrelas
    highly recommend|would recommend|will recommend|we recommend|je recommande|nous recommandons|a recommander|recomiendo|recomendamos|muy recomendable|recomendo|recomendamos|super recomendado
    very friendly|so friendly|very kind|tres gentil|tres sympa|muy amable|muy amables|muy atentos|amabilisimos|muito simpaticos|muito atenciosos|muito simpatico
    nos ha encantado|nos encanto|nos ha gustado|me ha encantado|gostei muito|adorei|amei|on a passe un super|nous avons passe un excellent|we had a lovely|we had a great|we had a wonderful|we had an amazing
    be back|come back again|coming back|we ll return|reviendrons|on revient|volveremos pronto|voltaremos com certeza
    magnifique|merveilleux|merveilleuse|sublime|formidable|super accueil|accueil chaleureux|excellent accueil|au top
    todo perfecto|todo estuvo|gracias por la atencion|muchas gracias por todo|tudo perfeito|foi tudo|obrigad[oa] pela atencao
    would come back|will come back|we ll be back|will be back|reviendrons|reviendra|reviendrai|on reviendra|volveremos|volvere|voltaremos|voltarei
    terrible|horrible|awful|horrendous|horrivel|pessimo|pesima|pesimo|nul|catastrophique|worst|the worst|le pire
    noisy|too noisy|trop de bruit|bruyant|bruyante|ruidoso|ruidosa|mucho ruido|barulhento|muito barulho
  `);
const WAS = words(`was|were|is|etait|etaient|fut|a ete|fue|fueron|estuvo|estaba|era|foi|foram|estava|estavam`);
const JUDGED = words(`stunning|breathtaking|spotless|immaculate|relaxing|peaceful|welcoming|outstanding|exceptional|brilliant|fabulous|magical|dreadful|poor|bad|horrible|damp|smelly|superbe|impeccable|exceptionnel|exceptionnelle|incroyable|splendide|magique|reposant|paisible|decevant|decevante|mediocre|nul|nulle|humide|espectacular|impresionante|impecable|precioso|preciosa|fantastico|fantastica|acogedor|acogedora|pesimo|pesima|lindo|linda|impecavel|espetacular|aconchegante|horrivel|comfortable|confortable|comodo|comoda|confortavel|clean|propre|limpio|limpia|limpo|limpa|quiet|calme|tranquilo|tranquila|silencieux|agreable|chaleureux|accueillant|friendly|helpful|cozy|cosy|spacious|spacieux|amplio|espacoso|charming|charmant|amazing|great|perfect|lovely|delicious|fantastic|excellent|wonderful|superb|beautiful|gorgeous|dirty|cold|filthy|rude|uncomfortable|noisy|awful|terrible|disappointing|parfait|parfaite|delicieux|delicieuse|super|genial|magnifique|excellent|excellente|sale|froid|froide|impoli|bruyant|inconfortable|top|maravillos[oa]|perfect[oa]|delicios[oa]|excelente|sucio|sucia|fri[oa]|incomod[oa]|maravilhos[oa]|perfeit[oa]|delicios[oa]|sujo|suja|incomodo|lovely|top|incroyable|increible|incrivel`);

function isFeedback(w: readonly string[]): boolean {
  return near(w, PRAISE, PRAISED, 0) || FEEDBACK_WORDS.test(w) || near(w, WAS, JUDGED, 2);
}

const MANAGE = words(`
    my booking|my reservation|our booking|our reservation|my bookings|booking ref|booking reference|reservation number|booking number|confirmation number|confirmation code|my stay details
    ma reservation|ma resa|notre reservation|notre resa|mes reservations|numero de reservation|reference de reservation
    mi reserva|nuestra reserva|numero de reserva|codigo de reserva|localizador
    minha reserva|nossa reserva|numero da reserva|codigo da reserva
    can t come|cannot come|can t make it|won t be able to come|ne pourrai pas venir|ne pourrons pas venir|ne pouvons plus venir|no podre ir|no podremos ir|ya no podemos ir|nao poderei ir|nao vamos poder ir|nao podemos ir
    my confirmation|the confirmation email|confirmation email|ma confirmation|mail de confirmation|email de confirmation|mi confirmacion|correo de confirmacion|minha confirmacao|email de confirmacao
    change the dates|change dates|change my dates|changer les dates|modifier les dates|changer de dates|cambiar las fechas|cambiar fechas|modificar las fechas|mudar as datas|alterar as datas|mudar datas
    i have a reservation|i have a booking|we have a reservation|we have a booking|i ve got a booking|we ve got a booking|j ai une reservation|nous avons une reservation|on a une reservation
    cancel my stay|cancel our stay|annuler mon sejour|annuler notre sejour|cancelar mi estancia|cancelar nuestra estancia|cancelar minha estadia|cancelar nossa estadia|modifier mon sejour|changer mon sejour
    i booked|i ve booked|we booked|we ve booked|i have booked|we have booked|already booked|i made a booking|i made a reservation
    j ai reserve|nous avons reserve|on a reserve|j ai fait une reservation|deja reserve
    ya reserve|reservamos|hice una reserva|tengo una reserva|tenemos una reserva|reservei|fiz uma reserva|tenho uma reserva|temos uma reserva
    anular mi reserva|anular la reserva|anular nuestra reserva|desmarcar|desmarcar a reserva|cancel my|cancel our|cancel the booking|cancel the reservation|cancel booking|cancel reservation|annuler ma|annuler notre|annuler la reservation|annuler la resa|annuler reservation
    cancelar mi|cancelar la reserva|cancelar nuestra|cancelar minha|cancelar a reserva|cancelar nossa
    extend (?:our|my|the) (?:stay|booking|reservation)|extend (?:it )?by|stay (?:an|one) (?:extra|more) night|(?:add|adding) (?:a|an|one|another) (?:extra )?night|one more night|an extra night
    prolonger|prolonge|rajouter une nuit|ajouter une nuit|une nuit de plus|une nuit supplementaire|prolongar|extender|una noche mas|una noche extra|otra noche mas|estender|prorrogar|mais uma noite|uma noite a mais|uma noite extra
    did my payment|my payment|mon paiement|mi pago|meu pagamento|receipt|invoice|facture|recibo|factura|fatura
  `);

const CONCIERGE = words(`
    towel|towels|serviette|serviettes|toalla|toallas|toalha|toalhas|pillow|pillows|oreiller|oreillers|almohada|almohadas|travesseiro|travesseiros|blanket|blankets|couverture|couvertures|plaid|manta|mantas|cobertor|cobertores
    table for|table pour|mesa para|reservar mesa|reserve mesa|pickup|pick up|pick us up|airport transfer|navette|transfert|recogida|recoger|traslado al aeropuerto|buscar no aeroporto|transfer do aeroporto
    a table|book a table|reserve a table|une table|reserver une table|una mesa|uma mesa|dinner reservation|restaurant reservation
    taxi|cab|uber|a car to|chauffeur|transfer to|transfert|traslado
    check out tardio|checkout tardio|salida tarde|check out tardia|saida tardia|late check out|late checkout|late check|depart tardif|check out tardif|checkout tardif|partir plus tard|salida tardia|salir mas tarde|check out tarde|checkout tarde|sair mais tarde
    check out late|checkout late|leave late|leave later|partir tard|salir tarde|sair tarde
    la chambre en avance|chambre plus tot|room early|room earlier|room ready early|habitacion antes|quarto mais cedo|quarto antes
    early check in|early checkin|arrivee anticipee|check in anticipe|entrada anticipada|check in antecipado
    picnic|pique nique|piquenique|picnique|panier repas|panier pique nique|cesta de picnic|cesta de piquenique
    spa|massage|massages|masaje|masajes|massagem|massagens|hammam|sauna|soin|soins
    room service|wake up call|wakeup call|reveil|despertador|iron|ironing|fer a repasser|plancha|ferro de passar|hairdryer|hair dryer|seche cheveux|secador
    champagne|flowers|bouquet|fleurs|flores|cake|gateau|tarta|bolo
    bike|bikes|bicycle|bicycles|velo|velos|bicicleta|bicicletas
    toilet paper|papier toilette|papel higienico|cleaning|clean our room|clean the room|menage|faire le menage|limpieza|limpiar|limpeza|limpar
    no hot water|pas d eau chaude|plus d eau chaude|no hay agua caliente|sin agua caliente|sem agua quente|leak|leaking|fuite|fuga|vazamento|clogged|blocked|bouche|bouchee|atascado|entupido|entupida
    liberer la chambre|rendre la chambre|garder la chambre|keep the room|dejar la habitacion|quedarnos la habitacion|deixar o quarto|ficar com o quarto
    marche pas|fonctionne pas|fonctionne plus|marche mal|casse|cassee|cassees|estropeado|estropeada|averiado|averiada|estragado|estragada|estragou|nao liga
    come up|send someone|send somebody|envoyer quelqu un|mandar a alguien|mandar alguien|mandar alguem
    not working|doesn t work|isn t working|don t work|broken|ne marche pas|ne fonctionne pas|marche plus|en panne|no funciona|esta roto|nao funciona|quebrado|quebrou
    heating|chauffage|calefaccion|aquecimento|radiator|radiateur
    breakfast in (?:our|the|my) room|breakfast in bed|petit dejeuner en chambre|petit dej en chambre|petit dejeuner dans la chambre|desayuno en la habitacion|cafe da manha no quarto
    bring us|bring me|bring more|bring some|apporter|nous apporter|m apporter|traer|traernos|trazer|nos trazer
    recommend a restaurant|recommend a good|conseiller un|nous conseiller|recommander un|recomendar|recomendarnos|recomendam|indicar um restaurante
    baby cot|cot|crib|lit bebe|lit parapluie|cuna|berco
    extra bed|lit supplementaire|cama supletoria|cama extra
    wine tasting|degustation|cata de vinos|degustacao|excursion|excursao|guided tour|visite guidee|visita guiada|tickets|billets|entradas|ingressos
    luggage|bags|baggage|bagages|valises|equipaje|maletas|bagagem|malas
    wake us|wake me|reveiller|nous reveiller|me reveiller|despertar|despertarnos|despertarme|acordar|nos acordar|me acordar
    borrow|lend|lend us|lend me|preter|nous preter|me preter|emprunter|prestar|prestarnos|prestarme|emprestar|nos emprestar|me emprestar|umbrella|parapluie|paraguas|guarda chuva|adapter|adaptateur|adaptador
    shampoo|shampoing|champu|xampu|ice|glacons|hielo|gelo|kettle|bouilloire|coffee capsules|capsules
  `);

/**
 * Leaving late or arriving early, however phrased: "checkout mas tarde", "check-out a bit
 * later", "on arrive tôt", "llegamos temprano". Not "arriving early December" (a vague date).
 */
const LEAVING = words(`check out|checkout|check outs|leave|leaving|partir|depart|sortie|liberer la chambre|rendre la chambre|salir|salida|dejar la habitacion|sair|saida|deixar o quarto`);
const LATE = words(`late|later|tard|plus tard|tardif|tarde|mas tarde|mais tarde|tardio|tardia`);
const ARRIVING = words(`check in|checkin|arrive|arriving|arrival|get in|arriver|arrive|arrivons|arriverons|arrivee|llegar|llegamos|llegaremos|llegada|chegar|chegamos|chegaremos|chegada`);
const EARLY = words(`early|earlier|tot|plus tot|en avance|temprano|mas temprano|antes|cedo|mais cedo`);
const MONTH_NAMES = new Set(`jan january janv janvier enero janeiro feb february fev fevrier febrero fevereiro march mars marzo marco apr april avr avril abril may mai mayo maio jun june juin junio junho jul july juil juillet julio julho aug august aout agosto sep sept september septembre septiembre setembro oct october octobre octubre outubro nov november novembre noviembre novembro dec december decembre diciembre dezembro`.split(' '));
function isLateOrEarly(w: readonly string[]): boolean {
  if (near(w, LEAVING, LATE, 2)) return true;
  for (let i = 0; i < w.length; i++) {
    const la = ARRIVING.matchAt(w, i);
    if (la === 0) continue;
    for (let j = i + la; j <= Math.min(w.length - 1, i + la + 1); j++) {
      const le = EARLY.matchAt(w, j);
      if (le > 0 && !MONTH_NAMES.has(w[j + le] ?? '') && !MONTH_NAMES.has(w[j + le + 1] ?? '')) return true;
    }
  }
  return false;
}

/** Questions about the property the FAQ answers. */
const FAQ_WORDS = words(`
    parking|park|car park|parking lot|garer|se garer|stationnement|stationner|aparcamiento|aparcar|estacionamiento|estacionar|estacionamento|garage|garagem
    pet|pets|dog|dogs|cat|cats|animal|animals|pet friendly|chien|chiens|chat|chats|animaux|animal de compagnie|perro|perros|gato|gatos|mascota|mascotas|cachorro|cachorros|cao|caes|animais|animal de estimacao
    wifi|wi fi|internet|password|mot de passe|code wifi|contrasena|clave del wifi|senha
    pool|swimming pool|piscine|piscina
    address|adresse|direccion|endereco|where are you|where is the hotel|ou etes vous|ou se trouve|ou vous trouvez|donde estan|donde esta el hotel|onde ficam|onde fica
    how do i get|how to get|how can i get|getting there|comment venir|comment acceder|comment aller|comment se rendre|como llegar|como llego|como chegar|como chego
    ev charger|ev charging|charging station|charger for|borne|borne de recharge|recharge|recharger|cargador|carregador|electric car|voiture electrique|coche electrico|carro eletrico
    accessible|wheelchair|fauteuil roulant|pmr|silla de ruedas|cadeira de rodas|elevator|lift|ascenseur|ascensor|elevador
    smoking|non smoking|fumeur|fumer|fumar|fumadores
    air conditioning|air conditioned|aircon|climatisation|climatise|clim|aire acondicionado|ar condicionado
    gym|fitness|salle de sport|gimnasio|academia
    cancellation policy|cancellation terms|conditions d annulation|politique d annulation|politica de cancelacion|politica de cancelamento|refund policy|remboursement|reembolso
    do you accept|acceptez vous|vous acceptez|aceptan|aceitam|payment methods|moyens de paiement|credit card|carte bancaire|tarjeta|cartao
    city tax|tourist tax|taxe de sejour|tasa turistica|taxa turistica
    laundry|laverie|lavanderia
    suitable for children|suitable for kids|child friendly|kid friendly|family friendly|adapte aux enfants|adapte pour les enfants|apto para ninos|adequado para criancas
    pay by card|pay with card|pay by credit card|payer par carte|payer en carte|pagar con tarjeta|pagar com cartao|take cards|take card|take credit cards|accept cards|credit card|credit cards|card payment|amex|visa|mastercard|paypal|cash|especes|cheque vacances|efectivo|dinheiro
    minimum stay|minimum nights|minimum night|sejour minimum|duree minimum|nombre minimum de nuits|nuits minimum|estancia minima|estadia minima|minimo de noches|minimo de noites
    what s included|what is included|whats included|included in the price|qu est ce qui est inclus|compris dans le prix|inclus dans le prix|que incluye|incluido en el precio|o que esta incluido|incluido no preco
    check in after|check in before|checkin after|arrive after|late arrival|arriver apres|arrivee tardive|arriver tard|llegar despues|llegada tarde|llegar tarde|chegar depois|chegada tardia|chegar tarde
    nearby|near by|around here|a proximite|aux alentours|pres d ici|cerca de aqui|por aqui cerca|perto daqui|por perto|curfew|couvre feu|quiet hours
    diner sur place|manger sur place|dinner on site|eat on site|cenar en el hotel|comer en el hotel|jantar no hotel|comer no hotel
    gluten|sans gluten|sin gluten|sem gluten|vegan|vegetarian|vegetarien|vegetarienne|vegetariano|vegetariana|allergy|allergies|allergie|allergies|alergia|alergias|lactose|halal|kosher|dietary
    how many km|how many miles|combien de km|combien de kilometres|cuantos km|cuantos kilometros|quantos km|quantos quilometros|how far|far from|loin|lejos|longe|distance|distancia|walking distance|a pied|andando|a pie
    opening hours|opening times|open hours|horaires d ouverture|heures d ouverture|horario de apertura|horario de funcionamento
    check in time|check out time|checkout time|checkin time|heure d arrivee|heure de depart|hora de llegada|hora de salida|horario de check
  `);
// "what time is breakfast / check-in", "à quelle heure", "a qué hora", "que horas"
const WHEN = words(`what time|when is|when does|when do|what are|quelle heure|a quelle heure|quels horaires|horaires|a que hora|que hora|que horas|a que horas|horario|horarios`);
const WHEN_WHAT = words(`entrar|registrarse|fazer o check in|liberer la chambre|rendre la chambre|leave the room|vacate the room|dejar la habitacion|deixar o quarto|breakfast|check in|checkin|check out|checkout|petit dejeuner|petit dej|dej|arriver|arrivee|partir|depart|desayuno|llegar|salir|cafe da manha|pequeno almoco|chegar|sair|pool|piscine|piscina|reception|spa|restaurant|dinner|diner|cena|jantar|open|ouvert|abre`);
const BREAKFAST = words(`breakfast|petit dejeuner|petit dej|desayuno|cafe da manha|pequeno almoco`);
const BREAKFAST_WHAT = words(`included|inclus|compris|incluido|incluso|served|servi|time|heure|hora|horas|at what time|a quelle heure`);
const IS = words(`is|est|es|e`);
const INCLUDED = words(`included|inclus|compris|incluido|incluso`);

const BOOK = words(`
  room|rooms|chambre|chambres|chbre|habitacion|habitaciones|hab|cuarto|cuartos|quarto|quartos|suite|gite|gites|lodging|accommodation|hebergement|alojamiento|hospedagem|apartment|appartement|apartamento
  vacancy|vacancies|availability|availabilities|available|dispo|dispos|disponible|disponibles|disponibilite|disponibilites|disponibilidad|disponibilidade|disponivel|disponiveis|libre|libres|livre|livres|free|de la place|any space
  book|booking|to book|reserve|reserver|reservar|book a room|je voudrais reserver|on voudrait reserver|quisiera reservar|gostaria de reservar
  stay|sejour|estancia|estadia|night|nights|nuit|nuits|noche|noches|noite|noites|getaway|escapade|escapada
  price|prices|rate|rates|tarif|tarifs|prix|precio|precios|preco|precos|how much|combien|cuanto|cuanta|quanto|cost|costs|coute|cuesta|custa
  double|twin|single|king|queen|family room|chambre familiale|sea view|vue mer
`);

const ROOM_WORDS = words(`room|rooms|chambre|chambres|habitacion|habitaciones|cuarto|quarto|quartos|suite|suites|gite|cottage|night|nights|nuit|nuits|noche|noches|noite|noites|stay|sejour|estancia|estadia|availability|available|dispo|disponible|disponibilite|disponibilidad|disponibilidade|vacancy|vacancies`);

const GREETING = words(`hi|hii|hello|helo|hey|heya|hiya|howdy|good morning|good afternoon|good evening|good day|morning|evening|greetings|bonjour|bonsoir|salut|coucou|slt|bjr|cc|hello hello|hola|buenas|buenos dias|buenas tardes|buenas noches|ola|oi|bom dia|boa tarde|boa noite|alo`);

export interface IntentFacts {
  hasStay: boolean;
  hasParty: boolean;
  hasLength: boolean;
  hasReference: boolean;
  hasEmail: boolean;
  isCommand: boolean;
  hasUnitType: boolean;
}

/** Concierge words that are really a question about the property ("do you have a spa?"). */
const FAQ_QUESTION = words(`do you have|is there|are there|have you got|avez vous|vous avez|y a t il|il y a|tienen|tiene|hay|ustedes tienen|voces tem|tem|existe|ha`);
const AMENITY = words(`kettle|bathtub|bath|tv|television|fridge|minifridge|microwave|hairdryer|hair dryer|balcony|coffee machine|nespresso|iron|bouilloire|baignoire|tele|frigo|refrigerateur|micro ondes|seche cheveux|balcon|machine a cafe|hervidor|banera|nevera|microondas|secador|cafetera|chaleira|banheira|televisao|geladeira|frigobar|varanda|cafeteira|air conditioning|clim|climatisation|aire acondicionado|ar condicionado|heating|chauffage|restaurant|restaurante|bar|spa|gym|sauna|jacuzzi|hot tub|terrace|terrasse|terraza|terraco|garden|jardin|jardim|lift|elevator|ascenseur|ascensor|elevador|pool|piscine|piscina|parking|wifi|tennis|playground|aire de jeux|bbq|barbecue|churrasqueira|kitchen|cuisine|cocina|cozinha|minibar|safe|coffre|caja fuerte|cofre|hammam|fitness|gimnasio|academia|shuttle|navette`);
const PAST_EVALUATION = words(`was|were|etait|fue|foi`);
const CHANGES_BOOKING = words(`cancel|annuler|cancelar|change|changer|modify|modifier|modificar|move|decaler|deplacer|avancer|reporter|cambiar|mudar|alterar|find|retrouver|encontrar|encuentro|encontro|status|add|ajouter|anadir|adicionar|payment|paiement|pago|pagamento|confirmation|confirmacion|confirmacao`);
const TABLE = words(`table|mesa`);
const REQUEST_VERB = words(`book|reserve|reserver|reservar|bring|apporter|traer|trazer|call|appeler|llamar|chamar`);

/** "What time is check-out?", "à quelle heure faut-il libérer la chambre ?": a question, even about a concierge matter. */
const isWhenQuestion = (w: readonly string[]): boolean => near(w, WHEN, WHEN_WHAT, 6) || near(w, WHEN_WHAT, WHEN, 4);

/** "could we get…", "pourriez-vous mettre…", "¿podrían traernos…?": a request for something during the stay. */
const ASKING = words(`could we|can we|could you|can you|would you|would it be possible to|is it possible to|could i|can i|pourriez vous|pouvez vous|pourrait on|peut on|serait il possible de|est il possible de|est ce possible de|vous pouvez|tu peux|podrian|pueden|podrias|puedes|podria|seria posible|es posible|podem|poderiam|pode|seria possivel|e possivel|voces podem|da para`);
const SERVICE_VERB = words(`get|have|bring|put|arrange|prepare|organise|organize|set up|order|send up|leave|mettre|apporter|preparer|organiser|prevoir|installer|commander|faire monter|nous apporter|nous preparer|nous mettre|poner|ponernos|traer|traernos|preparar|prepararnos|organizar|pedir|colocar|trazer|deixar|arrumar|nos trazer|nos preparar`);
const isServiceRequest = (w: readonly string[]): boolean => near(w, ASKING, SERVICE_VERB, 2);

/** "in the room", "dans la chambre", "no quarto": a room the guest is in, not one to book. */
const LOCATIVE = words(`in the|in our|in my|into the|to the|to our|dans la|dans notre|dans ma|a la|en la|en nuestra|en mi|a la|no|na|em nosso|no nosso|no meu|para o`);
const ROOM_NOUNS = words(`room|chambre|habitacion|quarto`);
/** "gluten free", "smoke free": not a free room. */
const X_FREE = new Set(['gluten', 'lactose', 'dairy', 'sugar', 'smoke', 'nut', 'alcohol', 'allergen', 'fragrance', 'scent', 'step', 'hands', 'toll', 'duty', 'tax', 'charge', 'cost', 'fee', 'stress', 'hassle', 'worry', 'care']);
function bookEvidence(w: readonly string[]): boolean {
  for (let i = 0; i < w.length; i++) {
    const n = BOOK.matchAt(w, i);
    if (n === 0 || (w[i] === 'free' && X_FREE.has(w[i - 1] ?? ''))) continue;
    const locative = ROOM_NOUNS.matchAt(w, i) > 0 && ((i >= 2 && LOCATIVE.matchAt(w, i - 2) === 2) || (i >= 1 && LOCATIVE.matchAt(w, i - 1) === 1));
    if (!locative) return true;
  }
  return false;
}

/** "is the restaurant open on Sundays", "la piscine est ouverte ?", "¿el spa abre…?" */
const OPEN = words(`open|opened|opens|ouvert|ouverte|ouverts|ouvre|abierto|abierta|abre|abren|aberto|aberta|abrem`);
const isOpeningQuestion = (w: readonly string[]): boolean => near(w, AMENITY, OPEN, 2) || near(w, OPEN, AMENITY, 2);

function isFaq(w: readonly string[]): boolean {
  return FAQ_WORDS.test(w) || isOpeningQuestion(w) || isWhenQuestion(w) || near(w, BREAKFAST, BREAKFAST_WHAT, 3) || near(w, IS, INCLUDED, 3) || near(w, FAQ_QUESTION, AMENITY, 1);
}

/** `w`: the folded words of the message, entities blanked out. */
export function classifyIntent(w: readonly string[], f: IntentFacts): Intent {
  if (f.isCommand) return 'other';
  if (isHandoff(w)) return 'handoff';
  const faq = isFaq(w);
  const concierge = CONCIERGE.test(w) || isLateOrEarly(w);
  const feedback = isFeedback(w);
  const bookWords = bookEvidence(w);
  const manage = f.hasReference || MANAGE.test(w);
  const bookingRequest = f.hasStay && (bookWords || f.hasParty);
  // A stay request names a room or a night; "book a massage for 2 tomorrow" does not.
  const roomRequest = bookingRequest && ROOM_WORDS.test(w);

  if (feedback && !(bookingRequest && !PAST_EVALUATION.test(w))) return 'feedback';
  if (manage) {
    if (concierge && !CHANGES_BOOKING.test(w) && !f.hasReference) return 'concierge';
    return 'manage_booking';
  }
  // "Would it be possible to arrange a pickup on Friday?": a service with a date, no room.
  if (isServiceRequest(w) && !roomRequest && !faq && !(bookWords && ROOM_WORDS.test(w))) return 'concierge';
  if (concierge && !(roomRequest && f.hasParty && !TABLE.test(w))) {
    if (faq && (FAQ_QUESTION.test(w) || isWhenQuestion(w)) && !REQUEST_VERB.test(w)) return 'faq';
    return 'concierge';
  }
  if (faq && !bookingRequest) return 'faq';
  if (bookWords || f.hasStay || f.hasParty || f.hasLength || f.hasUnitType) return 'book';
  if (isServiceRequest(w)) return 'concierge';
  if (GREETING.test(w)) return 'greeting';
  return 'other';
}
